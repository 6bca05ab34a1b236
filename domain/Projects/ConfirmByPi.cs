using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Projects;

/// <summary>
/// The project's own PI confirms that they run the study (P03): the project then awaits the CTI director's approval.
/// A PI who does not confirm must say why, the project stays where it is and the process returns it for revision (A06).
/// </summary>
public sealed record ConfirmByPi(Guid ProjectId, bool Confirmed, string? Comment) : ICommand<bool>, IValidatable
{
    public void Validate(Validator v) => v
        .Optional(nameof(Comment), Comment, ProjectSteps.ReasonMax)
        .Must(Confirmed || !string.IsNullOrWhiteSpace(Comment), nameof(Comment), "Say why you do not confirm the study.");
}

public sealed class ConfirmByPiHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ConfirmByPi, bool>
{
    public async ValueTask<bool> Handle(ConfirmByPi command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.ConfirmPi);
        ProjectSteps.EnsureStatus(project, ProjectStatus.AwaitingConfirmation);
        if (!command.Confirmed)
        {
            return false;
        }
        project.MoveTo(ProjectStatus.AwaitingApproval, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
