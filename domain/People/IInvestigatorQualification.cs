namespace Ctms.Domain.People;

/// <summary>
/// The rule "an investigator needs a valid GCP certificate": <see cref="Access.AddProjectMember"/> asks it before giving
/// anyone the pi or sub-investigator role on a project.
/// </summary>
public interface IInvestigatorQualification
{
    /// <summary>
    /// Throws <see cref="Common.ConflictException"/> (naming the certificate and its expiry) unless <paramref name="userName"/> has a
    /// GCP certificate valid from <paramref name="from"/> through <paramref name="until"/> (exclusive; open-ended checks the start day)
    /// when <paramref name="role"/> is an investigator's role; other roles pass.
    /// </summary>
    Task EnsureQualifiedAsync(string userName, string role, DateTimeOffset from, DateTimeOffset? until, CancellationToken ct);
}
