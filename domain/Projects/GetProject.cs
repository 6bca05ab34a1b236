using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Projects;

/// <summary>One project, if the caller may see it; otherwise not found, whether it exists or not.</summary>
public sealed record GetProject(Guid ProjectId) : IQuery<ProjectDto>;

public sealed class GetProjectHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<GetProject, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(GetProject query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.Read, query.ProjectId, ct);
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.ProjectId, ct)
                      ?? throw new NotFoundException($"Project {query.ProjectId} was not found.");
        return ProjectDto.From(project);
    }
}
