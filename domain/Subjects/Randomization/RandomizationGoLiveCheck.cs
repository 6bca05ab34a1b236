using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Protocol;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>
/// The randomization's part of the go-live check (O05): the scheme is locked, and its arms (with their ratios) are the
/// protocol's arms now (an arm added or changed after the lock would never be allocated, or allocated in a wrong ratio).
/// </summary>
public sealed class RandomizationGoLiveCheck(CtmsDbContext db) : IGoLiveCheck
{
    public const string Code = "randomization-locked";

    public async Task<IReadOnlyList<GoLiveCondition>> EvaluateAsync(Guid projectId, DateTimeOffset at, CancellationToken ct)
    {
        var scheme = await db.RandomizationSchemes.AsNoTracking().SingleOrDefaultAsync(s => s.ProjectId == projectId, ct);
        if (scheme is null)
        {
            return [new GoLiveCondition(Code, false, "The randomization scheme is not configured.")];
        }
        if (!scheme.IsLocked)
        {
            return [new GoLiveCondition(Code, false, "The randomization scheme is configured but not locked.")];
        }
        var arms = await db.StudyArms.AsNoTracking().Where(a => a.ProjectId == projectId).Select(a => new { a.Code, a.Ratio }).ToListAsync(ct);
        var locked = scheme.LockedArmList;
        var same = arms.Count == locked.Count && arms.All(a => locked.Any(l => l.Code == a.Code && l.Ratio == a.Ratio));
        return
        [
            same
                ? new GoLiveCondition(Code, true, $"The {scheme.Method} scheme ({scheme.Blinding} blinding) was locked on {scheme.LockedAt:yyyy-MM-dd} for the protocol's {arms.Count} arms.")
                : new GoLiveCondition(Code, false, "The protocol's arms changed after the randomization scheme was locked: the lists do not match the arms."),
        ];
    }
}
