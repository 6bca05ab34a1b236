using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Projects;

/// <summary>
/// A submitted application enters the CTI office's formal review (P02): Submitted becomes InFormalReview. It runs in the
/// same step as the submission, so whoever may submit the application or review it may do it.
/// </summary>
public sealed record StartFormalReview(Guid ProjectId) : ICommand<ProjectDto>;

public sealed class StartFormalReviewHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<StartFormalReview, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(StartFormalReview command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.Review, ProjectActions.Submit);
        project.MoveTo(ProjectStatus.InFormalReview, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }
}
