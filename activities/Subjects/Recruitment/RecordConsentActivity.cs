using System.Globalization;
using Ctms.Domain.Subjects.Recruitment;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Recruitment;

/// <summary>
/// The <c>record-consent</c> service task (O07): records the subject's signed consent on the ICF version the ethics
/// committee approved (a re-consent when the subject consented on an older one). Refused while the ethics gate is closed.
/// </summary>
[Activity("record-consent", Category = "Subjects",
    Description = "Record the subject's signed informed consent on the approved ICF version (or a re-consent on a newer one).",
    Inputs = ["subjectId: the subject", "signedOn: the day the subject signed (yyyy-MM-dd)", "witness: the impartial witness, when one was needed"],
    Outputs = ["consentVersionNumber: the ICF version signed", "consentKind: Initial or Reconsent"])]
public sealed class RecordConsentActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var signedOn = ActivityInputs.RequiredString(context, "signedOn");
        var day = DateOnly.ParseExact(signedOn.Length > 10 ? signedOn[..10] : signedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var witness = ActivityInputs.OptionalString(context, "witness");
        var consent = await mediator.Send(new RecordSubjectConsent(SubjectInputs.RequiredSubjectId(context), day, witness), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["consentVersionNumber"] = consent.VersionNumber,
            ["consentKind"] = consent.Kind.ToString(),
        });
    }
}
