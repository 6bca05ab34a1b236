using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>What a decided item hands to the decision (P09): the review, its project, the outcome and the conditions.</summary>
public sealed record GetItemDecision(Guid ItemId) : IQuery<ItemTally>;

public sealed class GetItemDecisionHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user) : IQueryHandler<GetItemDecision, ItemTally>
{
    public async ValueTask<ItemTally> Handle(GetItemDecision query, CancellationToken ct)
    {
        var m = await MeetingContext.LoadByItemAsync(db, user, query.ItemId, ct);
        await m.EnsureReaderAsync(access, user, ct);
        var item = m.Item(query.ItemId);
        if (item is not { Status: MeetingItemStatus.Decided, Outcome: { } outcome })
        {
            throw new ConflictException($"This item has no decision to sign; it is {item.Status}.");
        }
        var projectId = await db.EthicsReviews.Where(r => r.Id == item.ReviewId).Select(r => r.ProjectId).FirstAsync(ct);
        return new ItemTally(item.Id, item.ReviewId, projectId, EthicsNames.Of(outcome), TallyVotesHandler.Conditions(m, item),
            item.Votes.Count(v => v.Status == VoteStatus.Cast), item.Votes.Count(v => v.Status == VoteStatus.Cancelled));
    }
}
