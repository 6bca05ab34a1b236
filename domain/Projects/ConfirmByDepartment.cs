using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Projects;

/// <summary>
/// The department head's confirmation (P03) of the PI, the department's capacity and the conflicts of interest. It does
/// not move the project: the PI confirms next. Not confirming, no capacity or a declared conflict must say why (the
/// comment), and the answer is false: the process sends the application back for revision (A06).
/// </summary>
public sealed record ConfirmByDepartment(Guid ProjectId, bool Confirmed, bool CapacityOk, bool ConflictsDeclared, string? Comment)
    : ICommand<bool>, IValidatable
{
    public void Validate(Validator v) => v
        .Optional(nameof(Comment), Comment, ProjectSteps.ReasonMax)
        .Must((Confirmed && CapacityOk && !ConflictsDeclared) || !string.IsNullOrWhiteSpace(Comment), nameof(Comment),
            "Say why: the PI is not confirmed, the capacity is lacking or a conflict of interest is declared.");
}

public sealed class ConfirmByDepartmentHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : ICommandHandler<ConfirmByDepartment, bool>
{
    public async ValueTask<bool> Handle(ConfirmByDepartment command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.ConfirmDepartment);
        ProjectSteps.EnsureStatus(project, ProjectStatus.AwaitingConfirmation);
        // A declared conflict is recorded (with the comment) for the director; it does not by itself send the application back.
        return command.Confirmed && command.CapacityOk;
    }
}
