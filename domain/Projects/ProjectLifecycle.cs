using Ctms.Domain.Common;

namespace Ctms.Domain.Projects;

/// <summary>
/// The moves a project may make between <see cref="ProjectStatus"/> values, in one table: a process that asks for any
/// other move (a revision submitted after the project was withdrawn, an approval of a project still in review) is
/// refused with a conflict that names both states.
/// </summary>
public static class ProjectLifecycle
{
    private static readonly Dictionary<ProjectStatus, ProjectStatus[]> Moves = new()
    {
        [ProjectStatus.Draft] = [ProjectStatus.Submitted, ProjectStatus.Withdrawn],
        [ProjectStatus.Submitted] = [ProjectStatus.InFormalReview, ProjectStatus.Withdrawn],
        [ProjectStatus.InFormalReview] = [ProjectStatus.ReturnedForRevision, ProjectStatus.AwaitingConfirmation, ProjectStatus.Withdrawn],
        [ProjectStatus.ReturnedForRevision] = [ProjectStatus.Submitted, ProjectStatus.Withdrawn],
        [ProjectStatus.AwaitingConfirmation] = [ProjectStatus.AwaitingApproval, ProjectStatus.ReturnedForRevision, ProjectStatus.Withdrawn],
        [ProjectStatus.AwaitingApproval] = [ProjectStatus.Approved, ProjectStatus.Rejected, ProjectStatus.ReturnedForRevision, ProjectStatus.Withdrawn],
        [ProjectStatus.Approved] = [ProjectStatus.Contracted, ProjectStatus.Suspended, ProjectStatus.Terminated],
        [ProjectStatus.Contracted] = [ProjectStatus.Enrolling, ProjectStatus.Suspended, ProjectStatus.Terminated],
        [ProjectStatus.Enrolling] = [ProjectStatus.Closing, ProjectStatus.Suspended, ProjectStatus.Terminated],
        // A study may be suspended during its close-out too (a finding at the close-out visit); it resumes to Closing.
        [ProjectStatus.Suspended] = [ProjectStatus.Approved, ProjectStatus.Contracted, ProjectStatus.Enrolling, ProjectStatus.Closing, ProjectStatus.Terminated],
        [ProjectStatus.Terminated] = [ProjectStatus.Closing],
        [ProjectStatus.Closing] = [ProjectStatus.Archived, ProjectStatus.Enrolling, ProjectStatus.Suspended],
        [ProjectStatus.Rejected] = [],
        [ProjectStatus.Withdrawn] = [],
        [ProjectStatus.Archived] = [],
    };

    /// <summary>The states from which the ethics committee sees a project: once the CTI director approved it.</summary>
    public static readonly IReadOnlyList<ProjectStatus> VisibleToEthics =
    [
        ProjectStatus.Approved, ProjectStatus.Contracted, ProjectStatus.Enrolling, ProjectStatus.Closing,
        ProjectStatus.Archived, ProjectStatus.Suspended, ProjectStatus.Terminated,
    ];

    /// <summary>The states in which the applicant may still edit the application and its materials.</summary>
    public static readonly IReadOnlyList<ProjectStatus> Editable = [ProjectStatus.Draft, ProjectStatus.ReturnedForRevision];

    public static bool CanMove(ProjectStatus from, ProjectStatus to) => Moves[from].Contains(to);

    public static IReadOnlyList<ProjectStatus> NextOf(ProjectStatus from) => Moves[from];

    public static bool IsFinal(ProjectStatus status) => Moves[status].Length == 0;

    /// <summary>Throws a <see cref="ConflictException"/> unless the move is allowed.</summary>
    public static void EnsureCanMove(ProjectStatus from, ProjectStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new ConflictException(IsFinal(from)
                ? $"The project is {from}; nothing more can happen to it."
                : $"A project that is {from} cannot become {to}; it can become {string.Join(", ", Moves[from])}.");
        }
    }
}
