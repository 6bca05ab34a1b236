namespace Ctms.Domain.Access;

/// <summary>Who is asking: the user's id and global roles, as the authentication layer knows them.</summary>
public sealed record AccessUser(string UserId, IReadOnlySet<string> Roles)
{
    /// <summary>The identity of the host itself (CLI verbs, first-run set-up, jobs).</summary>
    public static readonly AccessUser System =
        new("system", new HashSet<string>(StringComparer.Ordinal) { Domain.Access.Roles.Admin });

    public bool IsInRole(string role) => Roles.Contains(role);
}
