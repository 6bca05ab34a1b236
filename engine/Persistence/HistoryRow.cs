namespace Ctms.Engine.Persistence;

/// <summary>The stored form of a history event; <see cref="Sequence"/> orders the events of all instances.</summary>
internal sealed class HistoryRow
{
    public long Sequence { get; set; }
    public Guid InstanceId { get; set; }
    public Guid ElementInstanceId { get; set; }
    public string ElementId { get; set; } = "";
    public string ElementType { get; set; } = "";
    public string Event { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? Detail { get; set; }
}
