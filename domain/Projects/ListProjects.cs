using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Projects;

/// <summary>The projects the caller may see, by protocol number.</summary>
public sealed record ListProjects : IQuery<IReadOnlyList<ProjectDto>>;

public sealed class ListProjectsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<ListProjects, IReadOnlyList<ProjectDto>>
{
    public async ValueTask<IReadOnlyList<ProjectDto>> Handle(ListProjects query, CancellationToken ct)
    {
        var visible = await access.ProjectsGrantingAsync(user.Access, ProjectActions.Read, ct);
        var projects = db.Projects.AsNoTracking();
        if (visible is not null)
        {
            var ids = visible.ToList();
            projects = projects.Where(p => ids.Contains(p.Id));
        }
        var list = await projects.OrderBy(p => p.ProtocolNumber).ToListAsync(ct);
        return list.ConvertAll(ProjectDto.From);
    }
}
