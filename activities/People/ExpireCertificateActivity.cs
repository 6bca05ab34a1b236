using Ctms.Domain.People;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.People;

/// <summary>The <c>expire-certificate</c> service task: A04's timer at the expiry marks the certificate expired.</summary>
[Activity("expire-certificate", Category = "People",
    Description = "Mark a GCP certificate expired once its last valid day has passed.",
    Inputs = ["certificateId: the certificate (record-qualification's output)"],
    Outputs = ["expiredOn: the certificate's last valid day (yyyy-MM-dd)"])]
public sealed class ExpireCertificateActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var certificate = await mediator.Send(new MarkCertificateExpired(PeopleInputs.RequiredGuid(context, "certificateId")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["expiredOn"] = certificate.ExpiresOn.ToString("yyyy-MM-dd", null) });
    }
}
