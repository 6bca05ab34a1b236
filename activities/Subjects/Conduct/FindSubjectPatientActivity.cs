using Ctms.Domain.Subjects;
using Ctms.Engine.Runtime.Activities;

namespace Ctms.Activities.Subjects.Conduct;

/// <summary>
/// The <c>find-subject-patient</c> service task of O17: the registry id of the subject's patient, the key of the hospital's
/// <c>patient-admitted</c> and <c>patient-discharged</c> messages (an id, no patient identifier).
/// </summary>
[Activity("find-subject-patient", Category = "Subjects",
    Description = "Find the registry patient of a subject (the key of the hospital's admission and discharge messages, O17).",
    Inputs = ["subjectId: the subject"],
    Outputs = ["patientId: the registry patient's id"])]
public sealed class FindSubjectPatientActivity(SubjectStore subjects) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(ConductInputs.RequiredId(context, "subjectId"), Domain.Access.ProjectActions.ReadSubjects, ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["patientId"] = subject.PatientId.ToString() });
    }
}
