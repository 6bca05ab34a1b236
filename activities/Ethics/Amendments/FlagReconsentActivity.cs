using Ctms.Domain.Ethics.Amendments;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Amendments;

/// <summary>The <c>flag-reconsent</c> service task: an approved amendment with a new consent version flags the subjects' re-consent.</summary>
[Activity("flag-reconsent", Category = "Ethics",
    Description = "After the decision on an amendment: when it approves a new informed consent version, subjects who consented on an older one must re-consent.",
    Inputs = ["reviewId: the amendment's review"],
    Outputs = ["reconsentFlagged: true when re-consent was flagged", "reconsentVersion: the consent version's number subjects re-consent on (null when none)"])]
public sealed class FlagReconsentActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var flag = await mediator.Send(new FlagReconsent(EthicsInputs.RequiredId(context, "reviewId")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["reconsentFlagged"] = flag.Flagged,
            ["reconsentVersion"] = flag.ConsentVersionNumber,
        });
    }
}
