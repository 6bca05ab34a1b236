namespace Ctms.Domain.Projects;

/// <summary>A project as the API and the studio show it.</summary>
public sealed record ProjectDto(Guid Id, string ProtocolNumber, string Title, string? Sponsor, string Status, DateTimeOffset CreatedAt, Guid Version)
{
    public static ProjectDto From(Project p) => new(p.Id, p.ProtocolNumber, p.Title, p.Sponsor, p.Status.ToString(), p.CreatedAt, p.Version);
}
