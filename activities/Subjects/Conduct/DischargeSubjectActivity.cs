using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Conduct;

/// <summary>
/// The <c>discharge-subject</c> service task of O17, after the hospital's <c>patient-discharged</c> message: the subject's
/// ward stay is closed.
/// </summary>
[Activity("discharge-subject", Category = "Subjects",
    Description = "Discharge a subject from the ward when the hospital reports the patient's discharge (O17).",
    Inputs = ["subjectId: the subject"],
    Outputs = ["admitted: false", "dischargedAt: when"])]
public sealed class DischargeSubjectActivity(IMediator mediator) : IActivityHandler
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) =>
        ConductInputs.SetAdmissionAsync(mediator, context, false, ct);
}
