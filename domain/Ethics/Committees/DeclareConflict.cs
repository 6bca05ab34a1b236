using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>
/// A conflict of interest of a member with a project is declared, by the member themself or by the EC office: from then
/// on the member is never suggested nor assigned as the project's reviewer and is recused from its meeting items. One
/// active declaration per member and project (409).
/// </summary>
public sealed record DeclareConflict(Guid CommitteeId, Guid MemberId, Guid ProjectId, string Reason) : ICommand<ConflictDto>, IValidatable
{
    public void Validate(Validator v) => v.Required("reason", Reason, ConflictOfInterest.ReasonMax);
}

public sealed class DeclareConflictHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DeclareConflict, ConflictDto>
{
    public async ValueTask<ConflictDto> Handle(DeclareConflict command, CancellationToken ct)
    {
        var member = await db.CommitteeMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == command.MemberId && m.CommitteeId == command.CommitteeId, ct)
                     ?? throw new NotFoundException($"Member {command.MemberId} of committee {command.CommitteeId} was not found.");
        if (!string.Equals(member.UserName, user.UserName, StringComparison.Ordinal))
        {
            await CommitteeSteps.EnsureManagerAsync(access, user, ct);
        }
        if (!await db.Projects.AnyAsync(p => p.Id == command.ProjectId, ct))
        {
            throw new NotFoundException($"Project {command.ProjectId} was not found.");
        }
        if (await db.ConflictsOfInterest.AnyAsync(c => c.MemberId == member.Id && c.ProjectId == command.ProjectId && c.WithdrawnAt == null, ct))
        {
            throw new ConflictException($"{member.DisplayName} has declared a conflict of interest with this project already.");
        }
        var conflict = new ConflictOfInterest(member.Id, command.ProjectId, command.Reason.Trim(), user.UserName ?? user.UserId, clock.GetUtcNow());
        db.ConflictsOfInterest.Add(conflict);
        await db.SaveChangesAsync(ct);
        return ConflictDto.From(conflict, member);
    }
}
