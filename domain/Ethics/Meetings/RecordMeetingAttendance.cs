using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Mediator;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// The secretary records whether a member is present: before the meeting opens, and during it for late arrivals (who
/// vote from the next item on) and departures.
/// </summary>
public sealed record RecordMeetingAttendance(Guid MeetingId, Guid MemberId, bool Present) : ICommand<MeetingDto>;

public sealed class RecordMeetingAttendanceHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures, TimeProvider clock)
    : ICommandHandler<RecordMeetingAttendance, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(RecordMeetingAttendance command, CancellationToken ct)
    {
        var m = await MeetingContext.LoadAsync(db, user, command.MeetingId, ct);
        await m.EnsureSecretaryAsync(access, user, ct);
        m.EnsureNotClosed();
        var member = m.Member(command.MemberId);
        if (member.Role == CommitteeRole.Secretary)
        {
            throw DomainValidationException.For(nameof(command.MemberId), "The secretary keeps the minutes; attendance is recorded for the members.");
        }
        var now = clock.GetUtcNow();
        if (m.Meeting.Attendance.FirstOrDefault(a => a.MemberId == member.Id) is { } row)
        {
            row.Present = command.Present;
            row.RecordedAt = now;
        }
        else
        {
            db.Add(new MeetingAttendance(m.Meeting.Id, member.Id, command.Present, now));
        }
        m.Touch();
        await db.SaveChangesAsync(ct);
        return await MeetingDto.BuildAsync(m, db, signatures, ct);
    }
}
