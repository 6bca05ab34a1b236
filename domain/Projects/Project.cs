using Ctms.Domain.Audit;

namespace Ctms.Domain.Projects;

/// <summary>A clinical trial run at the hospital: the unit that memberships, documents, subjects and money hang from.</summary>
public sealed class Project : IAudited
{
    public const int ProtocolNumberMax = 64;
    public const int TitleMax = 500;
    public const int SponsorMax = 200;

    private Project() { }

    public Project(string protocolNumber, string title, string? sponsor, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        ProtocolNumber = protocolNumber;
        Title = title;
        Sponsor = sponsor;
        Status = ProjectStatus.Draft;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The sponsor's protocol number; unique at the hospital.</summary>
    public string ProtocolNumber { get; private set; } = "";

    public string Title { get; private set; } = "";
    public string? Sponsor { get; private set; }
    public ProjectStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Optimistic concurrency token: a stale edit is refused, not silently overwritten.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public void Rename(string title, string? sponsor)
    {
        Title = title;
        Sponsor = sponsor;
        Version = Guid.NewGuid();
    }
}
