using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Mediator;

namespace Ctms.Domain.KickOff;

/// <summary>
/// Plans (or moves) the kick-off meeting of a contracted project (P12). The first plan invites the project's study team
/// (PI, sub-investigators, study nurses, CRCs, CRAs); others are added as participants.
/// </summary>
public sealed record PlanKickOffMeeting(Guid ProjectId, DateTimeOffset ScheduledAt, string Location) : ICommand<KickOffDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(Location), Location, KickOffMeeting.LocationMax)
        .Must(ScheduledAt != default, nameof(ScheduledAt), "ScheduledAt is required.");
}

public sealed class PlanKickOffMeetingHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<PlanKickOffMeeting, KickOffDto>
{
    public async ValueTask<KickOffDto> Handle(PlanKickOffMeeting command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.KickOffManage, command.ProjectId, ct);
        var now = clock.GetUtcNow();
        var kickOff = await KickOffSnapshot.LoadAsync(db, command.ProjectId, now, ct);
        if (kickOff.Project.Status != ProjectStatus.Contracted)
        {
            throw new ConflictException($"A kick-off meeting is held once the contract is signed; this project is {kickOff.Project.Status}.");
        }
        if (kickOff.Meeting is { } meeting)
        {
            meeting.Reschedule(command.ScheduledAt, command.Location.Trim());
        }
        else
        {
            meeting = new KickOffMeeting(command.ProjectId, command.ScheduledAt, command.Location.Trim(), user.UserName ?? "system", now);
            db.KickOffMeetings.Add(meeting);
            foreach (var member in kickOff.Team.GroupBy(t => t.UserName, StringComparer.Ordinal))
            {
                var first = member.First();
                db.KickOffParticipants.Add(new KickOffParticipant(meeting.Id, command.ProjectId, first.UserName, first.DisplayName,
                    string.Join(", ", member.Select(m => m.Role)), null));
            }
        }
        await db.SaveChangesAsync(ct);
        return (await KickOffSnapshot.LoadAsync(db, command.ProjectId, now, ct)).ToDto();
    }
}
