using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Closeout;

/// <summary>A project's close-out with a preview of the checks as they answer now (nothing is stored).</summary>
public sealed record GetCloseout(Guid ProjectId) : IQuery<CloseoutDto>;

public sealed class GetCloseoutHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, ProjectClosureChecks checks)
    : IQueryHandler<GetCloseout, CloseoutDto>
{
    public async ValueTask<CloseoutDto> Handle(GetCloseout query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.Read, query.ProjectId, ct);
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.ProjectId, ct)
                      ?? throw new NotFoundException($"Project {query.ProjectId} was not found.");
        var record = await db.CloseoutRecords.AsNoTracking().SingleOrDefaultAsync(r => r.ProjectId == query.ProjectId, ct);
        // An archived project shows the checks that allowed its archiving, not a new run.
        var results = record?.ArchivedAt is not null ? record.Checks : await checks.RunAsync(query.ProjectId, ct);
        return CloseoutDto.From(project, record, results);
    }
}
