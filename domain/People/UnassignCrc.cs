using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>Ends a CRC's assignment now, with a reason (the project's PI or the CTI office); the delegation log keeps the row.</summary>
public sealed record UnassignCrc(string UserName, Guid MembershipId, string Reason) : ICommand<MembershipDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(UserName), UserName, 256).Required(nameof(Reason), Reason, 1000);
}

public sealed class UnassignCrcHandler(CtmsDbContext db, IMediator mediator) : ICommandHandler<UnassignCrc, MembershipDto>
{
    public async ValueTask<MembershipDto> Handle(UnassignCrc command, CancellationToken ct)
    {
        var crc = await PeopleDirectory.FindAsync(db, command.UserName, ct);
        var projectId = await db.ProjectMemberships.AsNoTracking()
                            .Where(m => m.Id == command.MembershipId && m.UserId == crc.Id && m.Role == Roles.Crc)
                            .Select(m => (Guid?)m.ProjectId).SingleOrDefaultAsync(ct)
                        ?? throw new NotFoundException($"'{crc.UserName}' has no CRC assignment {command.MembershipId}.");
        // The project's own rule decides who may end it (its PI, the CTI office).
        return await mediator.Send(new RevokeProjectMember(projectId, command.MembershipId, command.Reason), ct);
    }
}
