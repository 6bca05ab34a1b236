using System.Globalization;
using Ctms.Domain.People;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.People;

/// <summary>The <c>record-qualification</c> service task: stores the GCP certificate the CTI secretary verified (A04).</summary>
[Activity("record-qualification", Category = "People",
    Description = "Record an investigator's verified GCP certificate; outputs when it expires, for the warning timer.",
    Inputs =
    [
        "investigator: the investigator's user name",
        "issuer, certificateNumber: the certificate",
        "issuedOn, expiresOn: dates (yyyy-MM-dd); expiresOn is the last valid day",
        "scanFileId: an uploaded scan of the certificate (optional)",
    ],
    Outputs = ["certificateId: the recorded certificate", "expiresAt: the instant it stops being valid (ISO 8601, UTC)"])]
public sealed class RecordQualificationActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var certificate = await mediator.Send(new RecordGcpCertificate(
            ActivityInputs.RequiredString(context, "investigator"),
            ActivityInputs.RequiredString(context, "issuer"),
            ActivityInputs.RequiredString(context, "certificateNumber"),
            PeopleInputs.RequiredDate(context, "issuedOn"),
            PeopleInputs.RequiredDate(context, "expiresOn"),
            PeopleInputs.OptionalGuid(context, "scanFileId")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["certificateId"] = certificate.Id.ToString(),
            ["expiresAt"] = certificate.ExpiresAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });
    }
}
