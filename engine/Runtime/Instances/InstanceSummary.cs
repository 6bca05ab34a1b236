namespace Ctms.Engine.Runtime.Instances;

/// <summary>
/// One line of the instance list: which process and version, its business key and state (Active, Completed or
/// Terminated, as <see cref="State.InstanceStatus"/> names them), when it started and ended, the instance that called it,
/// and how many open incidents hold it.
/// </summary>
public sealed record InstanceSummary(Guid Id, string ProcessId, int Version, string? BusinessKey, string Status, DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt, Guid? ParentInstanceId, int OpenIncidents);
