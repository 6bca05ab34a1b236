using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Projects;

/// <summary>One move of a project in its life cycle: when, by whom, from and to which state, and the reason given.</summary>
public sealed record ProjectStatusChangeDto(DateTimeOffset At, string? UserName, string? From, string To, string? Reason);

/// <summary>
/// A project's life so far, read from the audit trail (every change of its status is there, with who and when), so
/// the history shown is the audited one and cannot disagree with it.
/// </summary>
public sealed record GetProjectHistory(Guid ProjectId) : IQuery<IReadOnlyList<ProjectStatusChangeDto>>;

public sealed class GetProjectHistoryHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<GetProjectHistory, IReadOnlyList<ProjectStatusChangeDto>>
{
    public async ValueTask<IReadOnlyList<ProjectStatusChangeDto>> Handle(GetProjectHistory query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.Read, query.ProjectId, ct);
        var key = query.ProjectId.ToString();
        var changes = await db.AuditRecords.AsNoTracking()
            .Where(r => r.EntityType == nameof(Project) && r.EntityKey == key && r.Field == nameof(Project.Status))
            .OrderBy(r => r.Sequence)
            .Select(r => new ProjectStatusChangeDto(r.Timestamp, r.UserName, r.OldValue, r.NewValue ?? "", r.Reason))
            .ToListAsync(ct);
        return changes;
    }
}
