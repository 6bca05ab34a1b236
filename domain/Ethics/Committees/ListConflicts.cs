using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>The conflicts of interest declared on a committee (EC office), or a member's own.</summary>
public sealed record ListConflicts(Guid CommitteeId, Guid? ProjectId) : IQuery<IReadOnlyList<ConflictDto>>;

public sealed class ListConflictsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user) : IQueryHandler<ListConflicts, IReadOnlyList<ConflictDto>>
{
    public async ValueTask<IReadOnlyList<ConflictDto>> Handle(ListConflicts query, CancellationToken ct)
    {
        var manager = await access.CanEverywhereAsync(user.Access, ProjectActions.EthicsManageCommittees, ct);
        var rows = await (from c in db.ConflictsOfInterest.AsNoTracking()
                          join m in db.CommitteeMembers.AsNoTracking() on c.MemberId equals m.Id
                          where m.CommitteeId == query.CommitteeId && (query.ProjectId == null || c.ProjectId == query.ProjectId)
                                && (manager || m.UserName == user.UserName)
                          select new { c, m }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.c.DeclaredAt).Select(r => ConflictDto.From(r.c, r.m))];
    }
}
