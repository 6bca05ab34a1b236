using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Mediator;

namespace Ctms.Domain.KickOff;

/// <summary>
/// The PI signs the kick-off meeting off and enrollment opens: the project moves Contracted → Enrolling. Refused (409,
/// naming what is missing) while the minutes are empty, the PI did not attend, a delegated study-team member has no
/// protocol training record, or the ethics gate is closed (<see cref="Ethics.Gate.EthicsGate"/>).
/// </summary>
public sealed record SignOffKickOff(Guid ProjectId) : ICommand<KickOffDto>;

public sealed class SignOffKickOffHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SignOffKickOff, KickOffDto>
{
    public async ValueTask<KickOffDto> Handle(SignOffKickOff command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.KickOffSignOff, command.ProjectId, ct);
        var now = clock.GetUtcNow();
        var kickOff = await KickOffSnapshot.LoadAsync(db, command.ProjectId, now, ct);
        var meeting = kickOff.RequireMeeting();
        meeting.EnsureOpen();
        var missing = kickOff.Missing();
        if (missing.Count > 0)
        {
            throw new ConflictException($"The kick-off meeting cannot be signed off yet: {string.Join("; ", missing)}.");
        }
        meeting.SignOff(user.UserName ?? "system", now);
        kickOff.Project.MoveTo(ProjectStatus.Enrolling, now);
        await db.SaveChangesAsync(ct);
        return kickOff.ToDto();
    }
}
