namespace Ctms.Domain.Access;

/// <summary>
/// A user's role on one project for a period: the delegation log's row, and the only way a project-scoped
/// role (CRC, investigator, inspector...) reaches a project's data.
/// </summary>
public sealed class ProjectMembership
{
    private ProjectMembership() { }

    public ProjectMembership(Guid projectId, string userId, string role, DateTimeOffset validFrom, DateTimeOffset? validUntil)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        UserId = userId;
        Role = role;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string UserId { get; private set; } = "";
    public string Role { get; private set; } = "";
    public DateTimeOffset ValidFrom { get; private set; }

    /// <summary>Exclusive end; null for open-ended.</summary>
    public DateTimeOffset? ValidUntil { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActiveAt(DateTimeOffset instant) =>
        RevokedAt is null && ValidFrom <= instant && (ValidUntil is null || instant < ValidUntil);

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
