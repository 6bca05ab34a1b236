namespace Ctms.Engine.Runtime.State;

public enum JobKind
{
    /// <summary>A timer event (catch, boundary) coming due.</summary>
    Timer,

    /// <summary>A service task's next attempt after a technical failure.</summary>
    Retry,

    /// <summary>An asynchronous continuation: the behaviour of an activity marked <c>asyncBefore</c>, in a transaction of its own.</summary>
    Continuation,
}
