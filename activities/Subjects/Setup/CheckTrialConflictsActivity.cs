using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Recruitment;
using Ctms.Engine.Runtime.Activities;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Activities.Subjects.Setup;

/// <summary>
/// The <c>check-trial-conflicts</c> service task (O06): for the candidate picked (<c>patientId</c>, a registry patient
/// registered with the project), the recruitment part's conflict rules (<see cref="TrialConflicts"/>, the code path the
/// subject's creation uses): already a subject of this study, an active subject of another running study, or within the
/// wash-out period. A conflict is an outcome (the patient is not invited), not an incident; the details name protocol
/// numbers only, never the patient.
/// </summary>
[Activity("check-trial-conflicts", Category = "Subjects",
    Description = "Check a candidate against the trial conflict rules (this study, another running study, wash-out) before the invitation.",
    Inputs = ["patientId: the registry id of a patient registered with the project", "projectId: the project (by default the business key)"],
    Outputs =
    [
        "trialConflict: true when the patient may not be screened here now",
        "trialConflicts: why, as one text (empty when none)",
    ])]
public sealed class CheckTrialConflictsActivity(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TrialConflicts conflicts,
    TimeProvider clock) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var projectId = ActivityInputs.RequiredProjectId(context);
        var patientId = Guid.TryParse(ActivityInputs.RequiredString(context, "patientId"), out var id)
            ? id
            : throw new InvalidOperationException($"The service task {context.ElementId} needs 'patientId' as a registry patient id.");
        await access.EnsureAsync(user.Access, ProjectActions.ReadSubjects, projectId, ct);
        if (!await db.ProjectPatients.AnyAsync(l => l.ProjectId == projectId && l.PatientId == patientId, ct))
        {
            throw new NotFoundException($"Patient {patientId} is not registered with this project.");
        }
        var reasons = new List<string>();
        if (await db.Subjects.AnyAsync(s => s.ProjectId == projectId && s.PatientId == patientId && SubjectLifecycle.Active.Contains(s.Status), ct))
        {
            reasons.Add("The patient is already a subject of this study.");
        }
        var washout = await db.ProtocolSetups.AsNoTracking().Where(s => s.ProjectId == projectId)
            .Select(s => (int?)s.WashoutDays).SingleOrDefaultAsync(ct) ?? 0;
        var found = await conflicts.FindAsync(projectId, [patientId], washout, clock.GetUtcNow(), ct);
        if (found.TryGetValue(patientId, out var list))
        {
            reasons.AddRange(list.Select(c => c.Detail));
        }
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["trialConflict"] = reasons.Count > 0,
            ["trialConflicts"] = string.Join(" ", reasons),
        });
    }
}
