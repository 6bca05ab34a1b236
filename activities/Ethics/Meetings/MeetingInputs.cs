using Ctms.Engine.Runtime.Activities;

namespace Ctms.Activities.Ethics.Meetings;

/// <summary>The ids P08's steps read: the meeting (variable <c>meetingId</c>, else the business key) and the agenda item.</summary>
internal static class MeetingInputs
{
    public static Guid MeetingId(ActivityContext context) =>
        Guid(context, "meetingId") ?? (System.Guid.TryParse(context.BusinessKey, out var key) ? key
            : throw new InvalidOperationException($"The service task {context.ElementId} needs 'meetingId' (or the meeting's id as business key)."));

    public static Guid ItemId(ActivityContext context) =>
        Guid(context, "itemId") ?? throw new InvalidOperationException($"The service task {context.ElementId} needs the agenda item's id in 'itemId'.");

    private static Guid? Guid(ActivityContext context, string name) =>
        context.Variables.TryGetValue(name, out var value) && System.Guid.TryParse(value?.ToString(), out var id) ? id : null;
}
