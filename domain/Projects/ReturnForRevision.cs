using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Projects;

/// <summary>
/// Sends the application back to the applicant (A06) with the reason, which the audit trail keeps. Who may do it is who
/// owns the step the project is in: the CTI secretary in the formal review, the department head or the PI while it awaits
/// their confirmation, the CTI director while it awaits approval.
/// </summary>
public sealed record ReturnForRevision(Guid ProjectId, string Reason) : ICommand<ProjectDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Reason), Reason, ProjectSteps.ReasonMax);
}

public sealed class ReturnForRevisionHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReturnForRevision, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(ReturnForRevision command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.Review,
            ProjectActions.ConfirmDepartment, ProjectActions.ConfirmPi, ProjectActions.Approve);
        string[] owners = project.Status switch
        {
            ProjectStatus.InFormalReview => [ProjectActions.Review],
            ProjectStatus.AwaitingConfirmation => [ProjectActions.ConfirmDepartment, ProjectActions.ConfirmPi],
            ProjectStatus.AwaitingApproval => [ProjectActions.Approve],
            _ => [],
        };
        if (owners.Length > 0)
        {
            await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, owners);
        }
        db.AuditReason = command.Reason.Trim();
        project.MoveTo(ProjectStatus.ReturnedForRevision, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }
}
