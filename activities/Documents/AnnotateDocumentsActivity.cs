using Ctms.Domain.Documents;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Documents;

/// <summary>
/// The <c>annotate-documents</c> service task: collects the reviewers' open annotations on the latest version of each
/// of the project's documents, which a return for revision (A06) sends to the applicant.
/// </summary>
[Activity("annotate-documents", Category = "Documents",
    Description = "Collect the open review annotations on the latest version of each of the project's documents.",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs =
    [
        "openAnnotations: how many annotations are open",
        "annotations: the open annotations, each {document, version, page, text, author}",
    ])]
public sealed class AnnotateDocumentsActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var projectId = ActivityInputs.RequiredProjectId(context);
        var open = await mediator.Send(new ListAnnotations(ProjectId: projectId, OpenOnly: true, LatestVersionsOnly: true), ct);
        var annotations = open.Select(a => new Dictionary<string, object?>
        {
            ["document"] = a.DocumentTitle,
            ["version"] = a.VersionNumber,
            ["page"] = a.Page,
            ["text"] = a.Text,
            ["author"] = a.Author,
        }).ToList();
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["openAnnotations"] = open.Count,
            ["annotations"] = annotations,
        });
    }
}
