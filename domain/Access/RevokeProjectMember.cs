using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Access;

/// <summary>Ends a membership now. The delegation log keeps the row; the audit trail keeps the reason.</summary>
public sealed record RevokeProjectMember(Guid ProjectId, Guid MembershipId, string Reason) : ICommand<MembershipDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Reason), Reason, 1000);
}

public sealed class RevokeProjectMemberHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RevokeProjectMember, MembershipDto>
{
    public async ValueTask<MembershipDto> Handle(RevokeProjectMember command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.ManageMembers, command.ProjectId, ct);
        var membership = await db.ProjectMemberships.SingleOrDefaultAsync(m => m.Id == command.MembershipId && m.ProjectId == command.ProjectId, ct)
                         ?? throw new NotFoundException($"Membership {command.MembershipId} was not found on this project.");
        if (membership.RevokedAt is not null)
        {
            throw new ConflictException("This membership was already revoked.");
        }
        var now = clock.GetUtcNow();
        membership.Revoke(now);
        db.AuditReason = command.Reason.Trim();
        await db.SaveChangesAsync(ct);
        var userName = await db.Users.Where(u => u.Id == membership.UserId).Select(u => u.UserName).SingleAsync(ct);
        return ListProjectMembersHandler.ToDto(membership, userName, now);
    }
}
