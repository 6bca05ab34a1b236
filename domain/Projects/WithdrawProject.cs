using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Projects;

/// <summary>
/// The applicant (or the CTI office) withdraws an open application, with a reason the audit trail keeps. Withdrawn is
/// final: a later submission or revision is refused by the life cycle (409).
/// </summary>
public sealed record WithdrawProject(Guid ProjectId, string Reason) : ICommand<ProjectDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Reason), Reason, ProjectSteps.ReasonMax);
}

public sealed class WithdrawProjectHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<WithdrawProject, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(WithdrawProject command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.Withdraw);
        db.AuditReason = command.Reason.Trim();
        project.MoveTo(ProjectStatus.Withdrawn, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }
}
