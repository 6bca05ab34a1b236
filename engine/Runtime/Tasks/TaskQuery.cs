namespace Ctms.Engine.Runtime.Tasks;

/// <summary>
/// An inbox query over open user tasks. Either "mine" (<see cref="Assignee"/>) or "offered to me" (unassigned tasks
/// whose candidate users include <see cref="CandidateUser"/> or whose candidate groups meet <see cref="CandidateGroups"/>),
/// or neither (every open task, for an administrator); then the optional filters, the order and the page.
/// </summary>
public sealed record TaskQuery
{
    /// <summary>The largest page: a larger <see cref="Limit"/> is capped to it.</summary>
    public const int MaxLimit = 200;

    /// <summary>
    /// How far a page's total is counted exactly (or to the end of the page, if that is further); past it the page says
    /// "more than" (<see cref="TaskPage.TotalIsExact"/>).
    /// </summary>
    public const int CountLimit = 1000;

    /// <summary>Only tasks assigned to this user.</summary>
    public string? Assignee { get; init; }

    /// <summary>Unassigned tasks that name this user among their candidate users (or, with <see cref="CandidateGroups"/>, either).</summary>
    public string? CandidateUser { get; init; }

    /// <summary>Unassigned tasks offered to at least one of these groups (or, with <see cref="CandidateUser"/>, either).</summary>
    public IReadOnlyList<string>? CandidateGroups { get; init; }

    public string? ProcessId { get; init; }
    public string? ElementId { get; init; }
    public Guid? InstanceId { get; init; }

    /// <summary>Only tasks of instances started with this business key (for instance a project's number), exactly.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>Only tasks due strictly before this instant (tasks without a due date never match).</summary>
    public DateTimeOffset? DueBefore { get; init; }

    /// <summary>Only tasks due strictly after this instant (tasks without a due date never match).</summary>
    public DateTimeOffset? DueAfter { get; init; }

    /// <summary>Only tasks whose name contains this text, ignoring case (ASCII case only on SQLite).</summary>
    public string? NameContains { get; init; }

    public TaskSort Sort { get; init; } = TaskSort.DueDate;

    /// <summary>How many matching tasks to skip.</summary>
    public int Offset { get; init; }

    /// <summary>The page size, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>"My tasks": the tasks assigned to a user.</summary>
    public static TaskQuery AssignedTo(string userId) => new() { Assignee = userId };

    /// <summary>"My groups' tasks": unassigned tasks a user may claim, as a candidate user or through one of their groups.</summary>
    public static TaskQuery OfferedTo(string userId, IEnumerable<string> groups) => new() { CandidateUser = userId, CandidateGroups = [.. groups] };

    /// <summary>Whether this is an "offered to me" query.</summary>
    internal bool IsOffered => CandidateUser is not null || CandidateGroups is not null;

    /// <summary>The page size used.</summary>
    internal int EffectiveLimit => Math.Min(Limit, MaxLimit);

    /// <summary>Refuses a query that cannot be answered as meant.</summary>
    /// <exception cref="EngineException">Invalid: a negative offset, a limit below 1, or "mine" and "offered" at once.</exception>
    internal void Validate()
    {
        if (Offset < 0 || Limit < 1)
        {
            throw new EngineException(EngineException.Invalid, $"A task page needs an offset of 0 or more and a limit of 1 or more (offset {Offset}, limit {Limit}).");
        }
        if (Assignee is not null && IsOffered)
        {
            // Assigned to X and unassigned at once matches nothing: a caller who sets both means something else.
            throw new EngineException(EngineException.Invalid, "A task query asks for the tasks assigned to a user or for the tasks offered to one, not both.");
        }
    }
}
