using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Runtime.Tasks;

/// <summary>What happened to an open user task.</summary>
public enum TaskChangeKind
{
    Created,
    Claimed,
    Unclaimed,
    Delegated,
    Completed,
    Cancelled,
}

/// <summary>
/// One change of an open user task, announced on the <see cref="TaskChangeFeed"/> once it is committed. It carries who
/// the task concerns (its assignee before and after, its candidates), so an inbox decides without a query whether it
/// must refresh; it carries no variables, so nothing about a patient travels with it.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="TaskId">The task.</param>
/// <param name="InstanceId">Its process instance.</param>
/// <param name="ProcessId">Its process.</param>
/// <param name="BusinessKey">Its instance's business key (a project), if any.</param>
/// <param name="Assignee">Who holds the task after the change (for a completed or cancelled task, who held it last).</param>
/// <param name="PreviousAssignee">Who held it before a claim, an unclaim or a delegation; otherwise null.</param>
/// <param name="CandidateUsers">The users it is offered to.</param>
/// <param name="CandidateGroups">The groups it is offered to.</param>
public sealed record TaskChange(TaskChangeKind Kind, Guid TaskId, Guid InstanceId, string ProcessId, string? BusinessKey, string? Assignee,
    string? PreviousAssignee, IReadOnlyList<string> CandidateUsers, IReadOnlyList<string> CandidateGroups)
{
    /// <summary>Whether it came from another node (relayed through the database), so it is not relayed again.</summary>
    public bool Relayed { get; init; }

    /// <summary>Whether the change may concern anyone: who it concerns was not known to the sender (see <see cref="Concerns"/>).</summary>
    public bool Everyone { get; init; }

    /// <summary>The change of a task, as the task is now.</summary>
    public static TaskChange Of(TaskChangeKind kind, UserTaskState task, string? previousAssignee = null) =>
        new(kind, task.Id, task.InstanceId, task.ProcessId, task.BusinessKey, task.Assignee, previousAssignee, [.. task.CandidateUsers], [.. task.CandidateGroups]);

    /// <summary>
    /// Whether the change may alter the inbox of a user with these groups: the task is or was theirs, or it is offered to
    /// them by name or through one of their groups.
    /// </summary>
    public bool Concerns(string userId, IReadOnlyCollection<string> groups) =>
        Everyone || Assignee == userId || PreviousAssignee == userId || CandidateUsers.Contains(userId, StringComparer.Ordinal)
        || CandidateGroups.Any(g => groups.Contains(g, StringComparer.Ordinal));
}
