namespace Ctms.Engine.Runtime.Instances;

/// <summary>
/// The columns of the instance list as each store projects its runtime and its ended instances (a class with settable
/// members, so that a database can still filter on them after the projection).
/// </summary>
internal sealed class InstanceHeader
{
    public Guid Id { get; init; }
    public string ProcessId { get; init; } = "";
    public int Version { get; init; }
    public string? BusinessKey { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public Guid? ParentInstanceId { get; init; }
}
