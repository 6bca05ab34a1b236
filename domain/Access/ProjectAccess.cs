using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Access;

/// <summary>
/// The authorization service every module uses: "may user U do action A on project P". Project resources
/// the user may not read answer as not found, so their existence is not revealed.
/// </summary>
public sealed class ProjectAccess(CtmsDbContext db, TimeProvider clock)
{
    private AccessPolicy? _policy;

    public async Task<bool> CanAsync(AccessUser user, string action, Guid projectId, CancellationToken ct = default)
    {
        var policy = await PolicyAsync(ct);
        if (policy.AllowsEverywhere(user.Roles, action))
        {
            return true;
        }
        if (policy.AllowsOnApproved(user.Roles, action) && await IsApprovedAsync(projectId, ct))
        {
            return true;
        }
        var memberships = await db.ProjectMemberships.AsNoTracking()
            .Where(m => m.UserId == user.UserId && m.ProjectId == projectId)
            .ToListAsync(ct);
        return policy.Allows(user.Roles, memberships, action, projectId, clock.GetUtcNow());
    }

    /// <summary>True when a global role grants the action (for actions not tied to one project, such as creating one).</summary>
    public async Task<bool> CanEverywhereAsync(AccessUser user, string action, CancellationToken ct = default) =>
        (await PolicyAsync(ct)).AllowsEverywhere(user.Roles, action);

    /// <summary>
    /// Throws unless the user may do the action on the project: <see cref="NotFoundException"/> when they may not
    /// even read it (its existence stays hidden), <see cref="ForbiddenException"/> when they may read it but not act.
    /// </summary>
    public async Task EnsureAsync(AccessUser user, string action, Guid projectId, CancellationToken ct = default)
    {
        if (await CanAsync(user, action, projectId, ct))
        {
            return;
        }
        if (action == ProjectActions.Read || !await CanAsync(user, ProjectActions.Read, projectId, ct))
        {
            throw new NotFoundException($"Project {projectId} was not found.");
        }
        throw new ForbiddenException($"Your role on this project does not allow '{action}'.");
    }

    /// <summary>The projects the user may do the action on; null means every project.</summary>
    public async Task<IReadOnlySet<Guid>?> ProjectsGrantingAsync(AccessUser user, string action, CancellationToken ct = default)
    {
        var policy = await PolicyAsync(ct);
        if (policy.AllowsEverywhere(user.Roles, action))
        {
            return null;
        }
        var memberships = await db.ProjectMemberships.AsNoTracking().Where(m => m.UserId == user.UserId).ToListAsync(ct);
        var granted = policy.ProjectsGranting(memberships, action, clock.GetUtcNow());
        if (!policy.AllowsOnApproved(user.Roles, action))
        {
            return granted;
        }
        var statuses = ProjectLifecycle.VisibleToEthics.ToList();
        var approved = await db.Projects.AsNoTracking().Where(p => statuses.Contains(p.Status)).Select(p => p.Id).ToListAsync(ct);
        return granted.Union(approved).ToHashSet();
    }

    private async Task<bool> IsApprovedAsync(Guid projectId, CancellationToken ct)
    {
        var statuses = ProjectLifecycle.VisibleToEthics.ToList();
        return await db.Projects.AsNoTracking().AnyAsync(p => p.Id == projectId && statuses.Contains(p.Status), ct);
    }

    private async Task<AccessPolicy> PolicyAsync(CancellationToken ct) =>
        _policy ??= new AccessPolicy(await db.AccessRules.AsNoTracking().ToListAsync(ct));
}
