using Ctms.Domain.Subjects.Ecrf;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Conduct;

/// <summary>The <c>raise-ecrf-query</c> service task of O13 (the <c>open-query</c> step): the monitor's query on a field of an e-CRF entry.</summary>
[Activity("raise-ecrf-query", Category = "Subjects",
    Description = "Raise a query on a field of a subject's e-CRF entry (O13; CRA or data manager).",
    Inputs = ["entryId: the e-CRF entry", "queryField: the field", "queryText: the question"],
    Outputs = ["queryId: the query"])]
public sealed class RaiseEcrfQueryActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var query = await mediator.Send(new RaiseEcrfQuery(ConductInputs.RequiredId(context, "entryId"),
            ActivityInputs.OptionalString(context, "queryField") ?? "", ActivityInputs.OptionalString(context, "queryText") ?? ""), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["queryId"] = query.Id.ToString() });
    }
}
