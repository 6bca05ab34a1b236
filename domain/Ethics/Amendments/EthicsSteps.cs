using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Amendments;

/// <summary>What the amendment (A01) and continuing-review (P14) steps share: access by any of several actions, the project's committee.</summary>
internal static class EthicsSteps
{
    /// <summary>Passes when the user may do any of the actions on the project; otherwise as <see cref="ProjectAccess.EnsureAsync"/> for the first.</summary>
    public static async Task EnsureAnyAsync(ProjectAccess access, AccessUser user, Guid projectId, CancellationToken ct, params string[] actions)
    {
        foreach (var action in actions)
        {
            if (await access.CanAsync(user, action, projectId, ct))
            {
                return;
            }
        }
        await access.EnsureAsync(user, actions[0], projectId, ct);
    }

    /// <summary>The committee that reviewed the project's application (its latest initial review); a conflict when there is none.</summary>
    public static async Task<Guid> CommitteeOfAsync(CtmsDbContext db, Guid projectId, CancellationToken ct) =>
        await db.EthicsReviews.AsNoTracking().Where(r => r.ProjectId == projectId && r.Kind == ReviewKind.Initial)
            .OrderByDescending(r => r.Id).Select(r => (Guid?)r.CommitteeId).FirstOrDefaultAsync(ct)
        ?? throw new ConflictException("The project has no ethics application yet; an amendment or a yearly report follows the committee's initial review.");
}
