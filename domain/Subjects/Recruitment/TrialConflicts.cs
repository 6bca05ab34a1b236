using System.Globalization;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Recruitment;

/// <summary>Why a patient should not be screened here: an active subject of another running study, or within its wash-out.</summary>
public sealed record TrialConflict(string Kind, string ProtocolNumber, string Detail)
{
    public const string OtherTrial = "other-trial";
    public const string Washout = "washout";
}

/// <summary>
/// The trial conflicts of registry patients (O06, O08), found by registry id (never by an identifier in clear): a patient
/// who is an active subject of another study that is running (enrolling or suspended), and a patient who left another
/// study after enrollment less than the project's wash-out period ago. Screen failures never received study treatment
/// and start no wash-out.
/// </summary>
public sealed class TrialConflicts(CtmsDbContext db)
{
    private static readonly ProjectStatus[] Running = [ProjectStatus.Enrolling, ProjectStatus.Suspended, ProjectStatus.Closing];

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<TrialConflict>>> FindAsync(Guid projectId, IReadOnlyCollection<Guid> patientIds, int washoutDays,
        DateTimeOffset at, CancellationToken ct)
    {
        var ids = patientIds.Distinct().ToList();
        var others = await (from s in db.Subjects.AsNoTracking()
                            join p in db.Projects.AsNoTracking() on s.ProjectId equals p.Id
                            where ids.Contains(s.PatientId) && s.ProjectId != projectId
                            select new { s.PatientId, s.Status, s.StatusChangedAt, s.EnrolledAt, p.ProtocolNumber, ProjectStatus = p.Status })
            .ToListAsync(ct);
        var result = new Dictionary<Guid, IReadOnlyList<TrialConflict>>();
        foreach (var group in others.GroupBy(o => o.PatientId))
        {
            var conflicts = new List<TrialConflict>();
            foreach (var o in group.Where(o => SubjectLifecycle.IsActive(o.Status) && Running.Contains(o.ProjectStatus)))
            {
                conflicts.Add(new TrialConflict(TrialConflict.OtherTrial, o.ProtocolNumber,
                    $"An active subject ({SubjectLifecycle.Name(o.Status)}) of study {o.ProtocolNumber}."));
            }
            if (washoutDays > 0)
            {
                foreach (var o in group.Where(o => SubjectLifecycle.IsFinal(o.Status) && o.EnrolledAt is not null && o.StatusChangedAt.AddDays(washoutDays) > at))
                {
                    var ends = DateOnly.FromDateTime(o.StatusChangedAt.AddDays(washoutDays).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    conflicts.Add(new TrialConflict(TrialConflict.Washout, o.ProtocolNumber,
                        $"Left study {o.ProtocolNumber} ({SubjectLifecycle.Name(o.Status)}) on " +
                        $"{DateOnly.FromDateTime(o.StatusChangedAt.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: the {washoutDays}-day wash-out ends on {ends}."));
                }
            }
            if (conflicts.Count > 0)
            {
                result[group.Key] = conflicts;
            }
        }
        return result;
    }
}
