using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Projects;

/// <summary>The CTI director rejects the application (P04), with the reason the audit trail keeps; nothing more happens to the project.</summary>
public sealed record RejectProject(Guid ProjectId, string Reason) : ICommand<ProjectDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Reason), Reason, ProjectSteps.ReasonMax);
}

public sealed class RejectProjectHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RejectProject, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(RejectProject command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.Approve);
        db.AuditReason = command.Reason.Trim();
        project.MoveTo(ProjectStatus.Rejected, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }
}
