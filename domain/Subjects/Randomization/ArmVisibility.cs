using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>
/// The one place that decides who sees a subject's arm. Open: every reader of the project's subjects. Single (the subject
/// is blinded): the study team, that is every reader too. Double: only the scheme's unblinded roles (the pharmacist by
/// default: a global role or a current membership of the project in that role) and a user who broke the blind of that
/// subject (an <see cref="UnblindingEvent"/>). Every response of the randomization that could carry an arm asks here;
/// the caller has already checked that the user may read the subject.
/// </summary>
public sealed class ArmVisibility(CtmsDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<bool> CanSeeArmAsync(RandomizationScheme? scheme, Guid projectId, Guid subjectId, CancellationToken ct = default)
    {
        if (scheme is null || scheme.Blinding != BlindingLevel.Double)
        {
            return true;
        }
        if (await HasUnblindedRoleAsync(scheme, projectId, ct))
        {
            return true;
        }
        return await db.UnblindingEvents.AsNoTracking().AnyAsync(e => e.SubjectId == subjectId && e.UserId == user.UserId, ct);
    }

    /// <summary>Whether the user holds one of the scheme's unblinded roles (on the project or globally).</summary>
    public async Task<bool> HasUnblindedRoleAsync(RandomizationScheme scheme, Guid projectId, CancellationToken ct = default)
    {
        if (scheme.Blinding != BlindingLevel.Double)
        {
            return true;
        }
        var roles = scheme.UnblindedRoleList;
        if (roles.Any(user.Access.IsInRole))
        {
            return true;
        }
        var now = clock.GetUtcNow();
        var memberships = await db.ProjectMemberships.AsNoTracking()
            .Where(m => m.ProjectId == projectId && m.UserId == user.UserId && roles.Contains(m.Role)).ToListAsync(ct);
        return memberships.Any(m => m.IsActiveAt(now));
    }
}
