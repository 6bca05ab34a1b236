namespace Ctms.Engine.Runtime.State;

/// <summary>An append-only history row: an element instance that started, completed or was cancelled.</summary>
public sealed record HistoryEvent(
    long Sequence,
    Guid InstanceId,
    Guid ElementInstanceId,
    string ElementId,
    string ElementType,
    string Event,
    DateTimeOffset At,
    string? UserId = null);
