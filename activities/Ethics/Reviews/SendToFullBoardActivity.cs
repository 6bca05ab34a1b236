using Ctms.Domain.Ethics.Reviews;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Reviews;

/// <summary>The <c>send-to-full-board</c> service task (P06, P07): the review awaits the committee's next meeting.</summary>
[Activity("send-to-full-board", Category = "Ethics",
    Description = "Send the review to the full board (the secretary's track choice, or the chair's referral): it awaits the next meeting's agenda.",
    Inputs = ["reviewId: the review", "referralReason: why (optional)"], Outputs = ["reviewStatus: AwaitingMeeting"])]
public sealed class SendToFullBoardActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var status = await mediator.Send(new SendToFullBoard(EthicsInputs.RequiredReviewId(context), ActivityInputs.OptionalString(context, "referralReason")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["reviewStatus"] = status.ToString() });
    }
}
