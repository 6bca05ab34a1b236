using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// Opens the vote on an agenda item (P08, before its multi-instance vote): recuses members whose conflict with the
/// project was declared since the meeting opened, and names the voters (present, voting seat in term, not recused) and
/// how many votes for one option settle it under the committee's rule.
/// </summary>
public sealed record OpenItemVote(Guid ItemId) : ICommand<ItemVote>;

/// <summary>An item's vote as the process runs it: one task per voter; <see cref="DecisiveVotes"/> for one option ends it.</summary>
public sealed record ItemVote(Guid ItemId, Guid ReviewId, Guid ProjectId, IReadOnlyList<string> Voters, int DecisiveVotes);

public sealed class OpenItemVoteHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<OpenItemVote, ItemVote>
{
    public async ValueTask<ItemVote> Handle(OpenItemVote command, CancellationToken ct)
    {
        var m = await MeetingContext.LoadByItemAsync(db, user, command.ItemId, ct);
        // The step runs in whoever's command reaches it: the secretary opening the meeting, or the member whose vote settled the item before.
        await m.EnsureReaderAsync(access, user, ct);
        if (m.Meeting.Status != MeetingStatus.InSession)
        {
            throw new ConflictException($"Votes are held while the meeting is in session; this one is {m.Meeting.Status}.");
        }
        var item = m.Item(command.ItemId);
        if (item.Status != MeetingItemStatus.Pending)
        {
            throw new ConflictException($"The vote on this item cannot open: it is {item.Status}.");
        }
        await OpenMeetingHandler.RecuseConflictedAsync(db, m, [item], clock.GetUtcNow(), ct);
        item.Status = MeetingItemStatus.Voting;
        m.Touch();
        await db.SaveChangesAsync(ct);
        var projectId = await db.EthicsReviews.Where(r => r.Id == item.ReviewId).Select(r => r.ProjectId).FirstAsync(ct);
        var voters = m.Voters(item);
        return new ItemVote(item.Id, item.ReviewId, projectId, [.. voters.Select(v => v.UserName)],
            MeetingRules.DecisiveVotes(m.Committee.DecisionMajority, voters.Count));
    }
}
