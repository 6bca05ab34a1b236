using Ctms.Domain.Subjects.Visits;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Conduct;

/// <summary>
/// The <c>order-visit-exam</c> service task of O12 (the <c>place-order</c> step): orders an exam of the visit's content at
/// the hospital through the visits part's command (trial-paid, through the integration port). The order's id is the key of
/// the <c>lab-result</c> message the process then waits for.
/// </summary>
[Activity("order-visit-exam", Category = "Subjects",
    Description = "Order an exam of a subject's visit at the hospital (O12); outputs the order id the result message is keyed by.",
    Inputs = ["subjectId: the subject", "visitCode: the visit of the subject's schedule", "examCode: an exam of the visit's content"],
    Outputs = ["orderId: the CTMS order id (the key of lab-result / exam-report)", "orderStatus: the order's status"])]
public sealed class OrderVisitExamActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var order = await mediator.Send(new OrderVisitExam(ConductInputs.RequiredId(context, "subjectId"),
            ActivityInputs.RequiredString(context, "visitCode"), ActivityInputs.RequiredString(context, "examCode")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["orderId"] = order.Id.ToString(),
            ["orderStatus"] = order.Status.ToString(),
        });
    }
}
