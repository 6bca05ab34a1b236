using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Projects;

/// <summary>
/// The applicant hands the application in (P01) or resubmits it after a revision (A06): the project becomes Submitted.
/// Its applicant, its PI or the CTI office may do it; a withdrawn, rejected or already submitted project is refused by the
/// life cycle (409).
/// </summary>
public sealed record SubmitApplication(Guid ProjectId) : ICommand<ProjectDto>;

public sealed class SubmitApplicationHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitApplication, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(SubmitApplication command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.Submit);
        project.MoveTo(ProjectStatus.Submitted, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }
}
