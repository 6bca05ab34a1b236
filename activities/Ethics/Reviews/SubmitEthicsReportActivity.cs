using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Ethics.Reviews;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Reviews;

/// <summary>The <c>submit-ethics-report</c> service task (A02, A03): an SAE or a protocol deviation goes to the ethics committee for review.</summary>
[Activity("submit-ethics-report", Category = "Ethics",
    Description = "Report an SAE or a protocol deviation to the ethics committee: a review of kind Sae or Deviation with the report's number.",
    Inputs = ["projectId: the project (by default the business key)", "reportKind: Sae or Deviation", "reference: the report's number",
        "summary: what happened", "committeeId: the committee (optional when there is one)"],
    Outputs = ["reviewId: the new review", "submitterUserName: who submitted it", "reviewTitle: its title", "reviewStatus: its status"])]
public sealed class SubmitEthicsReportActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var kind = Enum.TryParse<ReviewKind>(ActivityInputs.RequiredString(context, "reportKind"), ignoreCase: true, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"The service task {context.ElementId} needs reportKind Sae or Deviation.");
        var review = await mediator.Send(new SubmitEthicsReport(ActivityInputs.RequiredProjectId(context), kind,
            ActivityInputs.OptionalString(context, "reference") ?? "", ActivityInputs.OptionalString(context, "summary") ?? "",
            EthicsInputs.OptionalGuid(context, "committeeId")), ct);
        return ActivityResult.Complete(EthicsInputs.Submitted(review));
    }
}
