namespace Ctms.Domain.Projects;

/// <summary>Where a study stands in its life at the hospital.</summary>
public enum ProjectStatus
{
    Draft,
    Submitted,
    UnderReview,
    Approved,
    Enrolling,
    Closed,
    Archived,
    Suspended,
    Terminated,
}
