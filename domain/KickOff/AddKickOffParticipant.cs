using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.KickOff;

/// <summary>Invites someone to the kick-off meeting: a user by name, or an external person (the sponsor's monitor, a trainer).</summary>
public sealed record AddKickOffParticipant(Guid ProjectId, string? UserName, string? ExternalName, string Role, string? Affiliation)
    : ICommand<KickOffParticipantDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Optional(nameof(UserName), UserName, KickOffParticipant.NameMax)
        .Optional(nameof(ExternalName), ExternalName, KickOffParticipant.NameMax)
        .Must(string.IsNullOrWhiteSpace(UserName) != string.IsNullOrWhiteSpace(ExternalName), nameof(UserName),
            "Name either a user (UserName) or an external participant (ExternalName), not both.")
        .Required(nameof(Role), Role, KickOffParticipant.RoleMax)
        .Optional(nameof(Affiliation), Affiliation, KickOffParticipant.AffiliationMax);
}

public sealed class AddKickOffParticipantHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AddKickOffParticipant, KickOffParticipantDto>
{
    public async ValueTask<KickOffParticipantDto> Handle(AddKickOffParticipant command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.KickOffManage, command.ProjectId, ct);
        var kickOff = await KickOffSnapshot.LoadAsync(db, command.ProjectId, clock.GetUtcNow(), ct);
        var meeting = kickOff.RequireMeeting();
        meeting.EnsureOpen();
        string? userName = null;
        string displayName;
        if (!string.IsNullOrWhiteSpace(command.UserName))
        {
            var normalized = command.UserName.Trim().ToUpperInvariant();
            var invitee = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
                          ?? throw DomainValidationException.For(nameof(command.UserName), $"There is no user '{command.UserName.Trim()}'.");
            if (kickOff.Participants.Any(p => string.Equals(p.UserName, invitee.UserName, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ConflictException($"'{invitee.UserName}' is already a participant of the kick-off meeting.");
            }
            userName = invitee.UserName;
            displayName = string.IsNullOrWhiteSpace(invitee.DisplayName) ? invitee.UserName! : invitee.DisplayName;
        }
        else
        {
            displayName = command.ExternalName!.Trim();
        }
        var participant = new KickOffParticipant(meeting.Id, command.ProjectId, userName, displayName, command.Role.Trim(),
            string.IsNullOrWhiteSpace(command.Affiliation) ? null : command.Affiliation.Trim());
        db.KickOffParticipants.Add(participant);
        await db.SaveChangesAsync(ct);
        return KickOffParticipantDto.From(participant);
    }
}
