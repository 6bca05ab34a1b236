using Ctms.Domain.Documents;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Documents;

/// <summary>The <c>check-documents</c> service task: is every required document of the project's checklist uploaded?</summary>
[Activity("check-documents", Category = "Documents",
    Description = "Check the project's application materials against the checklist of its type and phase.",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs =
    [
        "checklistComplete: true when every required document is uploaded",
        "missingDocuments: the titles of the required documents still missing",
    ])]
public sealed class CheckDocumentsActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var projectId = ActivityInputs.RequiredProjectId(context);
        var checklist = await mediator.Send(new GetDocumentChecklist(projectId), ct);
        var missing = checklist.Items.Where(i => i.Required && i.DocumentId is null).Select(i => i.Title).ToList();
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["checklistComplete"] = checklist.Complete,
            ["missingDocuments"] = missing,
        });
    }
}
