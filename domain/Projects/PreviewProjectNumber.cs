using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Projects;

/// <summary>The number the configured rule would give the project if the director approved it now (nothing is reserved).</summary>
public sealed record PreviewProjectNumber(Guid ProjectId) : IQuery<string>;

public sealed class PreviewProjectNumberHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock, ProjectNumberRule rule)
    : IQueryHandler<PreviewProjectNumber, string>
{
    public async ValueTask<string> Handle(PreviewProjectNumber query, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, query.ProjectId, ct, ProjectActions.Approve);
        return project.ProjectNumber ?? await rule.NextAsync(db, project, clock.GetUtcNow(), ct);
    }
}
