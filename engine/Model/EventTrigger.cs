namespace Ctms.Engine.Model;

/// <summary>What an event waits for or throws: nothing, a message, a timer, an error, a signal, or (end events) termination.</summary>
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

/// <summary>
/// A BPMN signal by name: caught by intermediate catch and boundary events, thrown by intermediate throw and end events.
/// A thrown signal reaches every element waiting for it in every instance with the thrower's business key (see
/// <see cref="Runtime.BpmnEngine.BroadcastSignalAsync"/>).
/// </summary>
public sealed record SignalTrigger(string SignalName) : EventTrigger
{
    /// <summary>
    /// Signal subscriptions share the message subscriptions' table in a name space of their own: the subscription's
    /// message name is this prefix and the signal's name, its correlation key the business key ("" for none). Message
    /// names may not begin with it.
    /// </summary>
    public const string SubscriptionPrefix = "signal:";

    /// <summary>The longest signal name: the prefixed name fits the subscriptions' 200-character name column.</summary>
    public const int MaxNameLength = 200 - 7;

    public string SubscriptionName => SubscriptionPrefix + SignalName;
}
