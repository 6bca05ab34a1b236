using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.People;

/// <summary>
/// Assigns a CRC to a project for an optional period (A05's <c>assign-member</c>): the user must hold the crc role; the
/// project's PI or the CTI office may do it (the project's team rule, <see cref="ProjectActions.ManageMembers"/>).
/// </summary>
public sealed record AssignCrc(string UserName, Guid ProjectId, DateTimeOffset? ValidFrom = null, DateTimeOffset? ValidUntil = null)
    : ICommand<MembershipDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(UserName), UserName, 256)
        .Must(ProjectId != Guid.Empty, nameof(ProjectId), "ProjectId is required.")
        .Must(ValidUntil is null || ValidFrom is null || ValidUntil > ValidFrom, nameof(ValidUntil), "ValidUntil must be after ValidFrom.");
}

public sealed class AssignCrcHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, IMediator mediator) : ICommandHandler<AssignCrc, MembershipDto>
{
    public async ValueTask<MembershipDto> Handle(AssignCrc command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.ManageMembers, command.ProjectId, ct);
        var crc = await PeopleDirectory.FindAsync(db, command.UserName, ct);
        if (!await PeopleDirectory.HoldsAnyAsync(db, crc.Id, [Roles.Crc], ct))
        {
            throw DomainValidationException.For(nameof(command.UserName), $"'{crc.UserName}' is not a CRC.");
        }
        return await mediator.Send(new AddProjectMember(command.ProjectId, crc.UserName!, Roles.Crc, command.ValidFrom, command.ValidUntil), ct);
    }
}
