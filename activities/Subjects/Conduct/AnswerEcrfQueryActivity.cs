using Ctms.Domain.Subjects.Ecrf;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Conduct;

/// <summary>The <c>answer-ecrf-query</c> service task of O13, after the site's task: the answer to the open query.</summary>
[Activity("answer-ecrf-query", Category = "Subjects",
    Description = "Answer an e-CRF query (O13; the site: ecrf.enter).",
    Inputs = ["queryId: the query", "queryAnswer: the answer"],
    Outputs = ["queryStatus: the query's status"])]
public sealed class AnswerEcrfQueryActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var query = await mediator.Send(new AnswerEcrfQuery(ConductInputs.RequiredId(context, "queryId"),
            ActivityInputs.OptionalString(context, "queryAnswer") ?? ""), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["queryStatus"] = query.Status.ToString() });
    }
}
