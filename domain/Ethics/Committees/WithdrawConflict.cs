using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>
/// A declared conflict of interest is withdrawn (it ended, or was declared by mistake), by the member or the EC office,
/// with a reason the audit trail keeps. The declaration stays, marked withdrawn.
/// </summary>
public sealed record WithdrawConflict(Guid CommitteeId, Guid ConflictId, string Reason) : ICommand<ConflictDto>, IValidatable
{
    public void Validate(Validator v) => v.Required("reason", Reason, 1000);
}

public sealed class WithdrawConflictHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<WithdrawConflict, ConflictDto>
{
    public async ValueTask<ConflictDto> Handle(WithdrawConflict command, CancellationToken ct)
    {
        var found = await (from c in db.ConflictsOfInterest
                           join m in db.CommitteeMembers on c.MemberId equals m.Id
                           where c.Id == command.ConflictId && m.CommitteeId == command.CommitteeId
                           select new { Conflict = c, Member = m }).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException($"Conflict of interest {command.ConflictId} was not found.");
        if (!string.Equals(found.Member.UserName, user.UserName, StringComparison.Ordinal))
        {
            await CommitteeSteps.EnsureManagerAsync(access, user, ct);
        }
        if (!found.Conflict.Active)
        {
            throw new ConflictException("This conflict of interest was withdrawn already.");
        }
        found.Conflict.WithdrawnAt = clock.GetUtcNow();
        db.AuditReason = command.Reason.Trim();
        await db.SaveChangesAsync(ct);
        return ConflictDto.From(found.Conflict, found.Member);
    }
}
