using Ctms.Domain.Common;
using Ctms.Domain.Integration.Orders;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Integration;

/// <summary>
/// The <c>place-hospital-order</c> service task: orders a lab test or an exam at the hospital for a project's patient, paid
/// by the trial, and hands the order's id to the process, which then waits in a receive task for the message
/// <c>lab-result</c> (or <c>exam-report</c>) with correlation key <c>=orderId</c>. The order's id is the service task's
/// element instance id, so running the task again after an unknown outcome finds the order instead of placing a second.
/// </summary>
[Activity("place-hospital-order", Category = "Hospital",
    Description = "Order a lab test or an exam at the hospital for a project's patient, paid by the trial; wait for its result as message lab-result / exam-report keyed by orderId.",
    Inputs =
    [
        "projectId: the project (or the business key)",
        "patientId: the registered patient (linked to the project)",
        "code: the LOINC code of the test or exam",
        "kind: Lab or Exam (optional for a known LOINC code)",
    ],
    Outputs = ["orderId", "hospitalRequestId"])]
public sealed class PlaceHospitalOrderActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var patient = ActivityInputs.RequiredString(context, "patientId");
        if (!Guid.TryParse(patient, out var patientId))
        {
            throw DomainValidationException.For("patientId", "patientId must be a registered patient's id.");
        }
        HospitalOrderKind? kind = ActivityInputs.OptionalString(context, "kind") is { Length: > 0 } text
            ? Enum.TryParse<HospitalOrderKind>(text, ignoreCase: true, out var k) && Enum.IsDefined(k) && !char.IsAsciiDigit(text[0])
                ? k
                : throw DomainValidationException.For("kind", "kind must be Lab or Exam.")
            : null;
        var order = await mediator.Send(new PlaceHospitalOrder(ActivityInputs.RequiredProjectId(context), patientId,
            ActivityInputs.RequiredString(context, "code"), kind, ActivityInputs.OptionalString(context, "system"),
            ActivityInputs.OptionalString(context, "display"), ActivityInputs.OptionalString(context, "note"), context.ElementInstanceId), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["orderId"] = order.Id.ToString(),
            ["hospitalRequestId"] = order.HospitalRequestId,
        });
    }
}
