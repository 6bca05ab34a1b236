using Ctms.Domain.Subjects.Ecrf;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Conduct;

/// <summary>
/// The <c>close-ecrf-query</c> service task of O13, after the monitor's review: the query is closed; when the answer did not
/// resolve it (<c>queryResolved</c> false) it is raised again on the same field with the monitor's new question
/// (<c>queryText</c>), and the process goes back to the site with the new query.
/// </summary>
[Activity("close-ecrf-query", Category = "Subjects",
    Description = "Close an e-CRF query, or close it and raise it again with a new question when the answer does not resolve it (O13; CRA or data manager).",
    Inputs = ["queryId: the query", "queryResolved: whether the answer resolves it", "queryText: the new question when it does not"],
    Outputs = ["queryId: the query still to answer (a new one when re-opened)", "queryResolved: whether it was resolved"])]
public sealed class CloseEcrfQueryActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var resolved = context.Variables.TryGetValue("queryResolved", out var value) && value is true;
        var closed = await mediator.Send(new CloseEcrfQuery(ConductInputs.RequiredId(context, "queryId")), ct);
        if (resolved)
        {
            return ActivityResult.Complete(new Dictionary<string, object?> { ["queryId"] = closed.Id.ToString(), ["queryResolved"] = true });
        }
        var reopened = await mediator.Send(new RaiseEcrfQuery(closed.EntryId, closed.Field, ActivityInputs.OptionalString(context, "queryText") ?? ""), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["queryId"] = reopened.Id.ToString(), ["queryResolved"] = false });
    }
}
