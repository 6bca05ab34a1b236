namespace Ctms.Engine.Runtime.State;

/// <summary>Work due at a time: a timer or a retry. Leased by the job executor when persisted.</summary>
public sealed class JobState
{
    public Guid Id { get; set; }
    public JobKind Kind { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>The element instance the job belongs to (the catch event, or the activity a boundary timer is attached to).</summary>
    public Guid ElementInstanceId { get; set; }

    /// <summary>For a boundary timer: the boundary event's id.</summary>
    public string? BoundaryElementId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>For a cycle: firings left (null = unbounded).</summary>
    public int? RepetitionsLeft { get; set; }

    /// <summary>For a cycle: the ISO 8601 interval between firings.</summary>
    public string? Interval { get; set; }

    /// <summary>The node that leased the job; another node takes it over once the lease expires.</summary>
    public string? LockOwner { get; set; }

    public DateTimeOffset? LockExpiresAt { get; set; }
}
