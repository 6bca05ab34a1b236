namespace Ctms.Engine.Runtime.State;

/// <summary>
/// The runtime state of one process instance: its element instances (the process itself is the root one) with
/// their local variables. Saved whole at the end of each command; <see cref="Revision"/> is the optimistic lock.
/// </summary>
public sealed class ProcessInstanceState
{
    public Guid Id { get; set; }
    public string ProcessId { get; set; } = "";
    public int DefinitionVersion { get; set; }

    /// <summary>The content hash of the definition version (null on instances started before it was kept): with it a
    /// command finds the definition in the node's cache without asking the database.</summary>
    public string? DefinitionHash { get; set; }
    public string? BusinessKey { get; set; }
    public InstanceStatus Status { get; set; }
    public Guid? ParentInstanceId { get; set; }
    public Guid? ParentElementInstanceId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public long Revision { get; set; }

    /// <summary>Every element instance still relevant (active ones, and the root), by id.</summary>
    public Dictionary<Guid, ElementInstanceState> Elements { get; set; } = [];

    public Guid RootId { get; set; }

    public ElementInstanceState Root => Elements[RootId];
}
