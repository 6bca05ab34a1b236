using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Amendments;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Continuing;

/// <summary>Loading a cycle for one of P14's steps, with the access the step needs.</summary>
internal static class ContinuingCycles
{
    public static async Task<ContinuingReviewCycle> LoadAsync(CtmsDbContext db, ProjectAccess access, AccessUser user, Guid cycleId, CancellationToken ct,
        params string[] actions)
    {
        var cycle = await db.ContinuingReviewCycles.SingleOrDefaultAsync(c => c.Id == cycleId, ct)
                    ?? throw new NotFoundException($"Continuing review cycle {cycleId} was not found.");
        await EthicsSteps.EnsureAnyAsync(access, user, cycle.ProjectId, ct, actions);
        return cycle;
    }

    public static async Task<ContinuingCycleDto> DtoAsync(CtmsDbContext db, ContinuingReviewCycle cycle, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == cycle.ProjectId).Select(p => new { p.PiUserName, p.ProtocolNumber }).SingleAsync(ct);
        return ContinuingCycleDto.From(cycle, project.PiUserName, project.ProtocolNumber);
    }
}
