namespace Ctms.Engine.Runtime.State;

/// <summary>
/// What waits on an element instance outside its process state: closing the element removes only what is flagged,
/// so an element with a user task does not also look for jobs and subscriptions (each look is a query).
/// </summary>
[Flags]
public enum ElementWaits
{
    None = 0,

    /// <summary>A timer, a retry or an asynchronous continuation.</summary>
    Jobs = 1,

    /// <summary>A message subscription (a receive task, a message catch or boundary event).</summary>
    Subscriptions = 2,

    /// <summary>A user task; its id is the element instance's.</summary>
    Task = 4,

    All = Jobs | Subscriptions | Task,
}
