using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.KickOff;

/// <summary>
/// A project member confirms that they will attend the kick-off (in P12, the sponsor's CRA confirms the monitor's
/// attendance). A member not yet invited is added as a participant with their role on the project.
/// </summary>
public sealed record ConfirmKickOffAttendance(Guid ProjectId, string? Affiliation) : ICommand<KickOffParticipantDto>, IValidatable
{
    public void Validate(Validator v) => v.Optional(nameof(Affiliation), Affiliation, KickOffParticipant.AffiliationMax);
}

public sealed class ConfirmKickOffAttendanceHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ConfirmKickOffAttendance, KickOffParticipantDto>
{
    public async ValueTask<KickOffParticipantDto> Handle(ConfirmKickOffAttendance command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.KickOffConfirmAttendance, command.ProjectId, ct);
        var now = clock.GetUtcNow();
        var kickOff = await KickOffSnapshot.LoadAsync(db, command.ProjectId, now, ct);
        var meeting = kickOff.RequireMeeting();
        meeting.EnsureOpen();
        var userName = user.UserName ?? throw new ForbiddenException("Only a signed-in user can confirm their attendance.");
        var affiliation = string.IsNullOrWhiteSpace(command.Affiliation) ? null : command.Affiliation.Trim();
        var participant = kickOff.Participants.SingleOrDefault(p => string.Equals(p.UserName, userName, StringComparison.OrdinalIgnoreCase));
        if (participant is null)
        {
            var roles = kickOff.Team.Where(t => string.Equals(t.UserName, userName, StringComparison.OrdinalIgnoreCase)).Select(t => t.Role).ToList();
            var displayName = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            participant = new KickOffParticipant(meeting.Id, command.ProjectId, userName, string.IsNullOrWhiteSpace(displayName) ? userName : displayName,
                roles.Count > 0 ? string.Join(", ", roles) : "member", affiliation);
            db.KickOffParticipants.Add(participant);
        }
        participant.Confirm(affiliation);
        await db.SaveChangesAsync(ct);
        return KickOffParticipantDto.From(participant);
    }
}
