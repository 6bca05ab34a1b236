using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>The committee's secretary schedules a full-board meeting (P08 runs it): its date and place.</summary>
public sealed record ScheduleMeeting(Guid CommitteeId, DateTimeOffset ScheduledAt, string? Location) : ICommand<MeetingDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(ScheduledAt != default, nameof(ScheduledAt), "ScheduledAt is required.")
        .Optional(nameof(Location), Location, EthicsMeeting.LocationMax);
}

public sealed class ScheduleMeetingHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures, TimeProvider clock)
    : ICommandHandler<ScheduleMeeting, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(ScheduleMeeting command, CancellationToken ct)
    {
        var committee = await db.EthicsCommittees.AsNoTracking().Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == command.CommitteeId, ct)
            ?? throw new NotFoundException($"Ethics committee {command.CommitteeId} was not found.");
        var seat = committee.Members.FirstOrDefault(m => m.UserName == user.UserName);
        if (seat?.Role != CommitteeRole.Secretary && !await access.CanEverywhereAsync(user.Access, ProjectActions.EthicsAdminister, ct))
        {
            throw new ForbiddenException($"Only the secretary of {committee.Name} schedules its meetings.");
        }
        var now = clock.GetUtcNow();
        if (command.ScheduledAt < now.AddDays(-1))
        {
            throw DomainValidationException.For(nameof(command.ScheduledAt), "A meeting is scheduled for today or later.");
        }
        var meeting = new EthicsMeeting(committee.Id, command.ScheduledAt.ToUniversalTime(), string.IsNullOrWhiteSpace(command.Location) ? null : command.Location.Trim(),
            user.UserName ?? "system", now);
        db.EthicsMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return await MeetingDto.BuildAsync(await MeetingContext.LoadAsync(db, user, meeting.Id, ct), db, signatures, ct);
    }
}
