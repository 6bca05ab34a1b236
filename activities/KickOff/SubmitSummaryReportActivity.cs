using Ctms.Domain.Closeout;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.KickOff;

/// <summary>The <c>submit-summary-report</c> service task: the PI's summary report; the project enters close-out.</summary>
[Activity("submit-summary-report", Category = "Close-out",
    Description = "Record the PI's summary report of the study; the project enters close-out (Closing).",
    Inputs =
    [
        "summary: the summary report as text",
        "actualEnrollment: how many subjects were enrolled (optional)",
        "projectId: the project (by default the business key)",
    ],
    Outputs = ["reportSubmittedBy: who submitted it"])]
public sealed class SubmitSummaryReportActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var enrolled = ActivityInputs.OptionalNumber(context, "actualEnrollment");
        var record = await mediator.Send(new SubmitSummaryReport(ActivityInputs.RequiredProjectId(context), ActivityInputs.RequiredString(context, "summary"),
            enrolled is null ? null : (int)enrolled.Value, null), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["reportSubmittedBy"] = record.ReportSubmittedBy });
    }
}
