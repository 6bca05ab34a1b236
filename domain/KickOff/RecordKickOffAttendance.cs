using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.KickOff;

/// <summary>Records whether a participant attended the kick-off meeting (the CTI secretary, after the meeting).</summary>
public sealed record RecordKickOffAttendance(Guid ProjectId, Guid ParticipantId, bool Attended) : ICommand<KickOffParticipantDto>;

public sealed class RecordKickOffAttendanceHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordKickOffAttendance, KickOffParticipantDto>
{
    public async ValueTask<KickOffParticipantDto> Handle(RecordKickOffAttendance command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.KickOffManage, command.ProjectId, ct);
        var kickOff = await KickOffSnapshot.LoadAsync(db, command.ProjectId, clock.GetUtcNow(), ct);
        kickOff.RequireMeeting().EnsureOpen();
        var participant = kickOff.Participants.SingleOrDefault(p => p.Id == command.ParticipantId)
                          ?? throw new NotFoundException($"Participant {command.ParticipantId} was not found on this project's kick-off.");
        participant.RecordAttendance(command.Attended);
        await db.SaveChangesAsync(ct);
        return KickOffParticipantDto.From(participant);
    }
}
