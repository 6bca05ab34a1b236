using Ctms.Domain.Ethics.Letters;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Decisions;

/// <summary>The <c>render-letter</c> service task: the decision's letter, rendered from the EC office's template and stored with the project's documents.</summary>
[Activity("render-letter", Category = "Ethics",
    Description = "Render the signed decision's letter (Liquid template ethics-letter-<outcome>, DOCX) and store it as a new version of the project's document 'ethics-letter'.",
    Inputs =
    [
        "decisionId: the ethics decision (record-ethics-decision's output)",
        "letterCulture: the letter's language, en or zh-CN (optional: the applicant's preferred language)",
    ],
    Outputs =
    [
        "letterVersionId: the document version holding the letter",
        "letterFileName, letterReference, letterSubject, letterCulture: the letter's file, reference number, subject line and language",
        "protocolNumber, projectTitle, reviewKind: for the notification",
    ])]
public sealed class RenderLetterActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var decisionId = Guid.TryParse(ActivityInputs.RequiredString(context, "decisionId"), out var id)
            ? id
            : throw new InvalidOperationException($"The service task {context.ElementId} needs 'decisionId' as a GUID.");
        var culture = ActivityInputs.OptionalString(context, "letterCulture");
        var letter = await mediator.Send(new RenderEthicsLetter(decisionId, string.IsNullOrWhiteSpace(culture) ? null : culture), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["letterVersionId"] = letter.DocumentVersionId.ToString(),
            ["letterFileName"] = letter.FileName,
            ["letterReference"] = letter.Reference,
            ["letterSubject"] = letter.Subject,
            ["letterCulture"] = letter.Culture,
            ["protocolNumber"] = letter.ProtocolNumber,
            ["projectTitle"] = letter.ProjectTitle,
            ["reviewKind"] = letter.ReviewKind,
        });
    }
}
