using System.Globalization;
using Ctms.Domain.Common;
using Ctms.Domain.Subjects.Visits;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Visits;

/// <summary>
/// The <c>record-subject-visit</c> service task of O11, after the to-do task: records the visit on <c>actualDate</c> when
/// the task was completed from the task list; a visit recorded through the visits API already is, and is left alone.
/// </summary>
[Activity("record-subject-visit", Category = "Subjects",
    Description = "Record a subject's visit when its to-do task is completed (O11), unless it was recorded already.",
    Inputs = ["visitId: the subject visit", "actualDate: the day of the visit (yyyy-MM-dd; today when empty)"],
    Outputs = ["recorded: whether this step recorded it"])]
public sealed class RecordSubjectVisitActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        DateOnly? day = ActivityInputs.OptionalString(context, "actualDate") is { Length: >= 10 } text
            ? DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw DomainValidationException.For("actualDate", "actualDate must be a date (yyyy-MM-dd).")
            : null;
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["recorded"] = await mediator.Send(new CompleteVisitTodo(OpenSubjectVisitActivity.VisitId(context), day), ct),
        });
    }
}
