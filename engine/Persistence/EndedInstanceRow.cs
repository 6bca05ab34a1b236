namespace Ctms.Engine.Persistence;

/// <summary>
/// A process instance that ended, moved out of the runtime table: what history keeps of it (status, times, parent
/// and the process-level variables at the end).
/// </summary>
internal sealed class EndedInstanceRow
{
    public Guid Id { get; set; }
    public string ProcessId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public string Status { get; set; } = "";
    public Guid? ParentInstanceId { get; set; }
    public Guid? ParentElementInstanceId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public Guid RootId { get; set; }
    public string Variables { get; set; } = "{}";
}
