namespace Ctms.Engine.Model;

/// <summary>What an event waits for or throws: nothing, a message, a timer, an error, or (end events) termination.</summary>
public abstract record EventTrigger
{
    public static readonly EventTrigger None = new NoneTrigger();
}

public sealed record NoneTrigger : EventTrigger;

public sealed record TerminateTrigger : EventTrigger;

/// <summary>A message by name, correlated by a key expression (absent on message start events).</summary>
public sealed record MessageTrigger(string MessageName, EngineExpression? CorrelationKey) : EventTrigger;

/// <summary>A BPMN error; a null code on a boundary event catches every error.</summary>
public sealed record ErrorTrigger(string? ErrorCode) : EventTrigger;

/// <summary>A timer: an ISO 8601 duration, date or cycle, static or FEEL.</summary>
public sealed record TimerTrigger(TimerKind Kind, EngineExpression Value) : EventTrigger;
