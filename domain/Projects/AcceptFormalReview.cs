using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Projects;

/// <summary>The CTI secretary finds the materials complete and in form (P02): the project awaits the department's and the PI's confirmation.</summary>
public sealed record AcceptFormalReview(Guid ProjectId) : ICommand<ProjectDto>;

public sealed class AcceptFormalReviewHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AcceptFormalReview, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(AcceptFormalReview command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.Review);
        project.MoveTo(ProjectStatus.AwaitingConfirmation, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }
}
