using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Projects;

/// <summary>
/// The projects the caller may see (the CTI office all, an applicant their own, the EC the approved ones, others those
/// they are members of), by protocol number; optionally only some states, a phase, or a text found in the protocol
/// number, the project number, the title or the sponsor.
/// </summary>
public sealed record ListProjects(IReadOnlyList<ProjectStatus>? Statuses = null, TrialPhase? Phase = null, string? Text = null)
    : IQuery<IReadOnlyList<ProjectDto>>, IValidatable
{
    public void Validate(Validator v) => v.Optional(nameof(Text), Text, 200);
}

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
        if (query.Statuses is { Count: > 0 } statuses)
        {
            var wanted = statuses.ToList();
            projects = projects.Where(p => wanted.Contains(p.Status));
        }
        if (query.Phase is { } phase)
        {
            projects = projects.Where(p => p.Phase == phase);
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): no culture to give, and no StringComparison overload translates
            projects = projects.Where(p => p.ProtocolNumber.ToLower().Contains(text) || p.Title.ToLower().Contains(text) ||
                                           (p.ProjectNumber != null && p.ProjectNumber.ToLower().Contains(text)) ||
                                           (p.Sponsor != null && p.Sponsor.ToLower().Contains(text)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var list = await projects.OrderBy(p => p.ProtocolNumber).ToListAsync(ct);
        return list.ConvertAll(ProjectDto.From);
    }
}
