using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// Whether the current user may vote on the item now, before their vote task is looked for: a recused member, a
/// non-member, a second vote or a closed meeting are refused with the reason (the same checks <see cref="CastVote"/> makes).
/// </summary>
/// <returns>The meeting's id (the business key of its P08 instance).</returns>
public sealed record CheckVote(Guid ItemId) : IQuery<Guid>;

public sealed class CheckVoteHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user) : IQueryHandler<CheckVote, Guid>
{
    public async ValueTask<Guid> Handle(CheckVote query, CancellationToken ct)
    {
        var m = await MeetingContext.LoadByItemAsync(db, user, query.ItemId, ct);
        var item = m.Item(query.ItemId);
        var projectId = await db.EthicsReviews.Where(r => r.Id == item.ReviewId).Select(r => r.ProjectId).FirstAsync(ct);
        await access.EnsureAsync(user.Access, ProjectActions.EthicsVote, projectId, ct);
        CastVoteHandler.EnsureMayVote(m, item);
        return m.Meeting.Id;
    }
}
