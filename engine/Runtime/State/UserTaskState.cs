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
    public string? Assignee { get; set; }
    public List<string> CandidateGroups { get; set; } = [];
    public List<string> CandidateUsers { get; set; } = [];
    public DateTimeOffset? DueDate { get; set; }
    public DateTimeOffset? FollowUpDate { get; set; }
    public int Priority { get; set; } = 50;
    public DateTimeOffset CreatedAt { get; set; }
    public int? LoopCounter { get; set; }
}
