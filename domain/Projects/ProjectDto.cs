namespace Ctms.Domain.Projects;

/// <summary>A project as the API and the studio show it.</summary>
public sealed record ProjectDto(
    Guid Id,
    string ProtocolNumber,
    string? ProjectNumber,
    string Title,
    string? Sponsor,
    string? Cro,
    string Phase,
    string Type,
    string? Department,
    string? PiUserName,
    string? ApplicantUserName,
    int? PlannedEnrollment,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusChangedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ApprovedAt,
    Guid Version)
{
    public static ProjectDto From(Project p) => new(p.Id, p.ProtocolNumber, p.ProjectNumber, p.Title, p.Sponsor, p.Cro,
        p.Phase.ToString(), p.Type.ToString(), p.Department, p.PiUserName, p.ApplicantUserName, p.PlannedEnrollment,
        p.Status.ToString(), p.CreatedAt, p.StatusChangedAt, p.SubmittedAt, p.ApprovedAt, p.Version);
}
