using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Conduct;

/// <summary>
/// The <c>admit-subject</c> service task of O17, after the hospital's <c>patient-admitted</c> message: the subject is
/// admitted to the ward from the hospital's encounter (source "hospital").
/// </summary>
[Activity("admit-subject", Category = "Subjects",
    Description = "Admit a subject to the ward when the hospital reports the patient's admission (O17).",
    Inputs = ["subjectId: the subject"],
    Outputs = ["admitted: true", "admittedAt: when"])]
public sealed class AdmitSubjectActivity(IMediator mediator) : IActivityHandler
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) =>
        ConductInputs.SetAdmissionAsync(mediator, context, true, ct);
}
