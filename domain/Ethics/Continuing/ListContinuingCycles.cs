using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Continuing;

/// <summary>The project's continuing-review cycles, the latest due first (anyone who may read the project).</summary>
public sealed record ListContinuingCycles(Guid ProjectId) : IQuery<IReadOnlyList<ContinuingCycleDto>>;

public sealed class ListContinuingCyclesHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<ListContinuingCycles, IReadOnlyList<ContinuingCycleDto>>
{
    public async ValueTask<IReadOnlyList<ContinuingCycleDto>> Handle(ListContinuingCycles query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.Read, query.ProjectId, ct);
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == query.ProjectId).Select(p => new { p.PiUserName, p.ProtocolNumber }).SingleAsync(ct);
        var cycles = await db.ContinuingReviewCycles.AsNoTracking().Where(c => c.ProjectId == query.ProjectId).ToListAsync(ct);
        return [.. cycles.OrderByDescending(c => c.DueAt).Select(c => ContinuingCycleDto.From(c, project.PiUserName, project.ProtocolNumber))];
    }
}
