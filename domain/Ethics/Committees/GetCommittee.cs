using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>One committee with its seats.</summary>
public sealed record GetCommittee(Guid CommitteeId) : IQuery<CommitteeDto>;

public sealed class GetCommitteeHandler(CtmsDbContext db, TimeProvider clock) : IQueryHandler<GetCommittee, CommitteeDto>
{
    public async ValueTask<CommitteeDto> Handle(GetCommittee query, CancellationToken ct)
    {
        var committee = await db.EthicsCommittees.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == query.CommitteeId, ct)
                        ?? throw new NotFoundException($"Ethics committee {query.CommitteeId} was not found.");
        return CommitteeDto.From(committee, committee.Members, CommitteeSteps.Today(clock));
    }
}
