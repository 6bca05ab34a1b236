namespace Ctms.Engine.Runtime.State;

/// <summary>
/// An append-only history row: an element instance that started, completed or was cancelled, or a user task that was
/// claimed, unclaimed or delegated. <see cref="UserId"/> is who acted; <see cref="Detail"/> says more where the event
/// needs it (the user a task was delegated to).
/// </summary>
public sealed record HistoryEvent(
    long Sequence,
    Guid InstanceId,
    Guid ElementInstanceId,
    string ElementId,
    string ElementType,
    string Event,
    DateTimeOffset At,
    string? UserId = null,
    string? Detail = null);
