using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.KickOff;

/// <summary>Records the minutes of the kick-off meeting (the CTI secretary, after it); the meeting is then held.</summary>
public sealed record RecordKickOffMinutes(Guid ProjectId, string Minutes, Guid? DocumentId) : ICommand<KickOffDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Minutes), Minutes, KickOffMeeting.MinutesMax);
}

public sealed class RecordKickOffMinutesHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordKickOffMinutes, KickOffDto>
{
    public async ValueTask<KickOffDto> Handle(RecordKickOffMinutes command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.KickOffManage, command.ProjectId, ct);
        var now = clock.GetUtcNow();
        var kickOff = await KickOffSnapshot.LoadAsync(db, command.ProjectId, now, ct);
        kickOff.RequireMeeting().RecordMinutes(command.Minutes.Trim(), command.DocumentId, user.UserName ?? "system", now);
        await db.SaveChangesAsync(ct);
        return kickOff.ToDto();
    }
}
