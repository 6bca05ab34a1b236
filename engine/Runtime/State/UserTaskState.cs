namespace Ctms.Engine.Runtime.State;

/// <summary>An open user task: the inbox's row.</summary>
public sealed class UserTaskState
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid ElementInstanceId { get; set; }
    public string ProcessId { get; set; } = "";
    public string ElementId { get; set; } = "";
    public string? Name { get; set; }
    public string? FormId { get; set; }

    /// <summary>The business key of the task's process instance (for instance a project's number): the inbox filters by it.</summary>
    public string? BusinessKey { get; set; }
    public string? Assignee { get; set; }

    /// <summary>The assignee who handed the task to the current one, while that delegation stands.</summary>
    public string? DelegatedBy { get; set; }

    public List<string> CandidateGroups { get; set; } = [];
    public List<string> CandidateUsers { get; set; } = [];
    public DateTimeOffset? DueDate { get; set; }
    public DateTimeOffset? FollowUpDate { get; set; }
    public int Priority { get; set; } = 50;
    public DateTimeOffset CreatedAt { get; set; }
    public int? LoopCounter { get; set; }

    /// <summary>Bumped at each save of a claim, unclaim or delegation: the optimistic lock, so two claims do not both win.</summary>
    public long Revision { get; set; }
}
