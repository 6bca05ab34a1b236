using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>
/// The committees with their seats: for the EC office, and for anyone who reads ethics reviews (an applicant choosing
/// where to submit, a member looking up the board).
/// </summary>
public sealed record ListCommittees : IQuery<IReadOnlyList<CommitteeDto>>;

public sealed class ListCommitteesHandler(CtmsDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListCommittees, IReadOnlyList<CommitteeDto>>
{
    public async ValueTask<IReadOnlyList<CommitteeDto>> Handle(ListCommittees query, CancellationToken ct)
    {
        if (user.Access.Roles.Count == 0)
        {
            throw new ForbiddenException("Sign in to see the ethics committees.");
        }
        var committees = await db.EthicsCommittees.AsNoTracking().Include(c => c.Members).OrderBy(c => c.Code).ToListAsync(ct);
        var today = CommitteeSteps.Today(clock);
        return [.. committees.Select(c => CommitteeDto.From(c, c.Members, today))];
    }
}
