using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Deviations;

/// <summary>Records deviation candidates in the caller's unit of work, once per source and kind.</summary>
public sealed class DeviationCandidates(CtmsDbContext db, TimeProvider clock)
{
    /// <summary>Adds the candidate unless one of this kind already exists for the source; the caller saves.</summary>
    public async Task<DeviationCandidate?> RecordAsync(Guid projectId, Guid? subjectId, DeviationKind kind, string description, string source,
        string detectedBy, CancellationToken ct = default)
    {
        if (db.DeviationCandidates.Local.Any(d => d.Kind == kind && d.Source == source)
            || await db.DeviationCandidates.AnyAsync(d => d.Kind == kind && d.Source == source, ct))
        {
            return null;
        }
        var candidate = new DeviationCandidate(projectId, subjectId, kind, description, source, clock.GetUtcNow(), detectedBy);
        db.DeviationCandidates.Add(candidate);
        return candidate;
    }
}
