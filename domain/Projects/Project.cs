using Ctms.Domain.Audit;

namespace Ctms.Domain.Projects;

/// <summary>A clinical trial run at the hospital: the unit that memberships, documents, subjects and money hang from.</summary>
public sealed class Project : IAudited
{
    public const int ProtocolNumberMax = 64;
    public const int TitleMax = 500;
    public const int SponsorMax = 200;
    public const int DepartmentMax = 200;
    public const int UserNameMax = 256;
    public const int ProjectNumberMax = 64;

    private Project() { }

    public Project(string protocolNumber, string title, string? sponsor, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        ProtocolNumber = protocolNumber;
        Title = title;
        Sponsor = sponsor;
        Status = ProjectStatus.Draft;
        CreatedAt = createdAt;
        StatusChangedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The sponsor's protocol number; unique at the hospital.</summary>
    public string ProtocolNumber { get; private set; } = "";

    /// <summary>The hospital's own number, given by the CTI director's approval (P04) by the configured rule; unique.</summary>
    public string? ProjectNumber { get; private set; }

    public string Title { get; private set; } = "";
    public string? Sponsor { get; private set; }

    /// <summary>The contract research organisation acting for the sponsor, if any.</summary>
    public string? Cro { get; private set; }

    public TrialPhase Phase { get; private set; } = TrialPhase.PhaseII;
    public ProjectType Type { get; private set; } = ProjectType.SponsorInitiated;

    /// <summary>The clinical department that runs the study.</summary>
    public string? Department { get; private set; }

    /// <summary>The principal investigator's user name (a user with the pi role).</summary>
    public string? PiUserName { get; private set; }

    /// <summary>Who submitted the application (an applicant, or the CTI office on their behalf).</summary>
    public string? ApplicantUserName { get; private set; }

    public int? PlannedEnrollment { get; private set; }

    public ProjectStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>Optimistic concurrency token: a stale edit is refused, not silently overwritten.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public void Rename(string title, string? sponsor)
    {
        Title = title;
        Sponsor = sponsor;
        Version = Guid.NewGuid();
    }

    /// <summary>Sets what the application form says about the study (P01, and its revisions).</summary>
    public void Describe(string title, string? sponsor, string? cro, TrialPhase phase, ProjectType type, string? department,
        string? piUserName, int? plannedEnrollment)
    {
        Title = title;
        Sponsor = sponsor;
        Cro = cro;
        Phase = phase;
        Type = type;
        Department = department;
        PiUserName = piUserName;
        PlannedEnrollment = plannedEnrollment;
        Version = Guid.NewGuid();
    }

    public void AppliedBy(string userName) => ApplicantUserName = userName;

    /// <summary>Moves the project on in its life cycle; an move <see cref="ProjectLifecycle"/> does not allow is a conflict.</summary>
    public void MoveTo(ProjectStatus next, DateTimeOffset at)
    {
        ProjectLifecycle.EnsureCanMove(Status, next);
        Status = next;
        StatusChangedAt = at;
        if (next == ProjectStatus.Submitted)
        {
            SubmittedAt = at;
        }
        if (next == ProjectStatus.Approved && ApprovedAt is null)
        {
            ApprovedAt = at;
        }
        Version = Guid.NewGuid();
    }

    /// <summary>Gives the project its hospital number, once (at approval).</summary>
    public void AssignNumber(string projectNumber)
    {
        if (ProjectNumber is not null)
        {
            throw new Common.ConflictException($"The project already has the number {ProjectNumber}.");
        }
        ProjectNumber = projectNumber;
        Version = Guid.NewGuid();
    }
}
