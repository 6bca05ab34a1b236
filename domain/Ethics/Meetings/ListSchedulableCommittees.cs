using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>The committees whose meetings the user may schedule: those they are secretary of (all for the EC office's administrators).</summary>
public sealed record ListSchedulableCommittees : IQuery<IReadOnlyList<SchedulableCommittee>>;

public sealed record SchedulableCommittee(Guid Id, string Code, string Name);

public sealed class ListSchedulableCommitteesHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<ListSchedulableCommittees, IReadOnlyList<SchedulableCommittee>>
{
    public async ValueTask<IReadOnlyList<SchedulableCommittee>> Handle(ListSchedulableCommittees query, CancellationToken ct)
    {
        var committees = db.EthicsCommittees.AsNoTracking();
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.EthicsAdminister, ct))
        {
            committees = committees.Where(c => c.Members.Any(m => m.UserName == user.UserName && m.Role == CommitteeRole.Secretary));
        }
        return await committees.OrderBy(c => c.Code).Select(c => new SchedulableCommittee(c.Id, c.Code, c.Name)).ToListAsync(ct);
    }
}
