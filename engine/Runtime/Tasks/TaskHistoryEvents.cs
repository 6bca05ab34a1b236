namespace Ctms.Engine.Runtime.Tasks;

/// <summary>The <see cref="State.HistoryEvent.Event"/> names of what people do with a user task before it completes.</summary>
public static class TaskHistoryEvents
{
    public const string Claimed = "claimed";
    public const string Unclaimed = "unclaimed";

    /// <summary>The assignee handed the task on: the event's user is who delegated, its detail the new assignee.</summary>
    public const string Delegated = "delegated";
}
