namespace Ctms.Domain.Subjects;

/// <summary>
/// Where a subject stands in a study (O08-O10, O16). Stored by name. The allowed moves are <see cref="SubjectLifecycle"/>'s;
/// each state has a colour for the subject list (<see cref="SubjectLifecycle.Colour"/>).
/// </summary>
public enum SubjectStatus
{
    /// <summary>Consented or being consented, screened against the eligibility criteria (O07-O08).</summary>
    Screening,

    /// <summary>Did not meet the criteria or was not enrolled; the reasons are kept. Final (a rescreen is a new subject).</summary>
    ScreenFailed,

    /// <summary>Enrolled by the PI with a subject number (O09).</summary>
    Enrolled,

    /// <summary>Allocated to an arm by the randomization (O10).</summary>
    Randomized,

    /// <summary>Receiving the study treatment.</summary>
    InTreatment,

    /// <summary>Treatment over; followed up by visits.</summary>
    FollowUp,

    /// <summary>Finished the protocol. Final.</summary>
    Completed,

    /// <summary>Withdrew consent. Final.</summary>
    Withdrawn,

    /// <summary>Stopped by the investigator (safety, non-compliance). Final.</summary>
    DroppedOut,

    /// <summary>Could not be reached for follow-up. Final.</summary>
    LostToFollowUp,
}

/// <summary>The subject's life cycle: the one table of allowed moves, and the colour of each state.</summary>
public static class SubjectLifecycle
{
    private static readonly SubjectStatus[] Exits = [SubjectStatus.Withdrawn, SubjectStatus.DroppedOut, SubjectStatus.LostToFollowUp];

    private static readonly Dictionary<SubjectStatus, SubjectStatus[]> Moves = new()
    {
        [SubjectStatus.Screening] = [SubjectStatus.ScreenFailed, SubjectStatus.Enrolled, SubjectStatus.Withdrawn],
        [SubjectStatus.Enrolled] = [SubjectStatus.Randomized, SubjectStatus.InTreatment, .. Exits],
        [SubjectStatus.Randomized] = [SubjectStatus.InTreatment, SubjectStatus.FollowUp, SubjectStatus.Completed, .. Exits],
        [SubjectStatus.InTreatment] = [SubjectStatus.FollowUp, SubjectStatus.Completed, .. Exits],
        [SubjectStatus.FollowUp] = [SubjectStatus.Completed, .. Exits],
    };

    /// <summary>States a subject is still in the study in (holds a place, has visits, counts in "another running trial").</summary>
    public static readonly IReadOnlyList<SubjectStatus> Active =
        [SubjectStatus.Screening, SubjectStatus.Enrolled, SubjectStatus.Randomized, SubjectStatus.InTreatment, SubjectStatus.FollowUp];

    /// <summary>States after enrollment in which visits happen.</summary>
    public static readonly IReadOnlyList<SubjectStatus> OnStudy =
        [SubjectStatus.Enrolled, SubjectStatus.Randomized, SubjectStatus.InTreatment, SubjectStatus.FollowUp];

    public static bool IsActive(SubjectStatus status) => Active.Contains(status);

    public static bool IsFinal(SubjectStatus status) => !Moves.ContainsKey(status);

    public static bool CanMove(SubjectStatus from, SubjectStatus to) => Moves.TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<SubjectStatus> Next(SubjectStatus from) => Moves.TryGetValue(from, out var next) ? next : [];

    /// <summary>Throws a <see cref="Common.ConflictException"/> naming the move when the life cycle does not allow it.</summary>
    public static void EnsureCanMove(SubjectStatus from, SubjectStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new Common.ConflictException($"A subject cannot go from {Name(from)} to {Name(to)}.");
        }
    }

    /// <summary>The state's name for messages: "screen failed", "lost to follow-up".</summary>
    public static string Name(SubjectStatus status) => status switch
    {
        SubjectStatus.ScreenFailed => "screen failed",
        SubjectStatus.InTreatment => "in treatment",
        SubjectStatus.FollowUp => "follow-up",
        SubjectStatus.DroppedOut => "dropped out",
        SubjectStatus.LostToFollowUp => "lost to follow-up",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The colour of the state in the subject list (CSS colour; the studio shows it as a chip).</summary>
    public static string Colour(SubjectStatus status) => status switch
    {
        SubjectStatus.Screening => "#1e88e5",
        SubjectStatus.ScreenFailed => "#9e9e9e",
        SubjectStatus.Enrolled => "#00897b",
        SubjectStatus.Randomized => "#3949ab",
        SubjectStatus.InTreatment => "#43a047",
        SubjectStatus.FollowUp => "#8e24aa",
        SubjectStatus.Completed => "#2e7d32",
        SubjectStatus.Withdrawn => "#f4511e",
        SubjectStatus.DroppedOut => "#e53935",
        SubjectStatus.LostToFollowUp => "#6d4c41",
        _ => "#757575",
    };
}
