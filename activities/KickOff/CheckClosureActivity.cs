using Ctms.Domain.Closeout;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.KickOff;

/// <summary>The <c>check-closure</c> service task: runs the closure checks and stores their answers on the close-out record.</summary>
[Activity("check-closure", Category = "Close-out",
    Description = "Run the closure checks (summary report, drug reconciliation, financial settlement...) and store their results.",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs =
    [
        "closureChecksPassed: true when no check failed",
        "closureProblems: the failed checks' reasons as one text (empty when none)",
        "closureChecks: each check's name, outcome and reasons",
    ])]
public sealed class CheckClosureActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var closeout = await mediator.Send(new RunClosureChecks(ActivityInputs.RequiredProjectId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["closureChecksPassed"] = closeout.ChecksAllowArchiving,
            ["protocolNumber"] = closeout.ProtocolNumber,
            ["closureProblems"] = string.Join("; ", closeout.Failures),
            ["closureChecks"] = closeout.Checks.Select(c => (object?)new Dictionary<string, object?>
            {
                ["check"] = c.Check,
                ["outcome"] = c.Outcome.ToString(),
                ["reasons"] = c.Reasons.ToList<object?>(),
            }).ToList(),
        });
    }
}
