using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// Tallies an item's vote (P08's <c>tally-votes</c>, once its multi-instance vote ended, by a majority or by the last
/// vote): each voter who had not voted when the outcome was settled gets a cancelled vote on record; the option that
/// carries the item under the committee's rule becomes its outcome. When no option carries it, the committee did not
/// decide: the item is deferred and its review awaits the next meeting (our rule: no decision without a majority).
/// </summary>
public sealed record TallyVotes(Guid ItemId, IReadOnlyList<string> Voters) : ICommand<ItemTally>;

/// <summary>The tally: the outcome in P09's words (null when deferred) and, for approval with modifications, the conditions the votes named.</summary>
public sealed record ItemTally(Guid ItemId, Guid ReviewId, Guid ProjectId, string? Outcome, string? Conditions, int Cast, int Cancelled);

public sealed class TallyVotesHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<TallyVotes, ItemTally>
{
    public async ValueTask<ItemTally> Handle(TallyVotes command, CancellationToken ct)
    {
        var m = await MeetingContext.LoadByItemAsync(db, user, command.ItemId, ct);
        await m.EnsureReaderAsync(access, user, ct);
        var item = m.Item(command.ItemId);
        if (item.Status != MeetingItemStatus.Voting)
        {
            throw new ConflictException($"Only an item being voted on is tallied; this one is {item.Status}.");
        }
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var voters = command.Voters.Distinct(StringComparer.Ordinal).ToList();
        foreach (var userName in voters)
        {
            var seat = m.Committee.Members.FirstOrDefault(s => s.UserName == userName)
                ?? throw new InvalidOperationException($"The voter {userName} has no seat on {m.Committee.Name}.");
            if (item.Votes.All(v => v.MemberId != seat.Id))
            {
                db.Add(EthicsVote.Cancelled(item.Id, seat.Id, now));
            }
        }
        var cast = item.Votes.Where(v => v.Status == VoteStatus.Cast).Select(v => v.Option!.Value).ToList();
        var outcome = MeetingRules.Outcome(m.Committee.DecisionMajority, voters.Count, cast);
        var review = await db.EthicsReviews.FirstAsync(r => r.Id == item.ReviewId, ct);
        if (outcome is { } carried)
        {
            item.Status = MeetingItemStatus.Decided;
            item.Outcome = carried;
            item.DecidedAt = now;
        }
        else
        {
            item.Status = MeetingItemStatus.Deferred;
            review.MoveTo(ReviewStatus.AwaitingMeeting, now);
        }
        m.Touch();
        await db.SaveChangesAsync(ct);
        return new ItemTally(item.Id, item.ReviewId, review.ProjectId, outcome is { } o ? EthicsNames.Of(o) : null, Conditions(m, item), cast.Count,
            item.Votes.Count(v => v.Status == VoteStatus.Cancelled));
    }

    /// <summary>What the members who approved with modifications asked for, one line each, when that is the outcome.</summary>
    internal static string? Conditions(MeetingContext m, MeetingItem item)
    {
        if (item.Outcome != VoteOption.ApproveWithModifications)
        {
            return null;
        }
        var lines = item.Votes.Where(v => v.Option == VoteOption.ApproveWithModifications && !string.IsNullOrWhiteSpace(v.Comment))
            .OrderBy(v => v.RecordedAt).Select(v => $"{m.Member(v.MemberId).DisplayName}: {v.Comment}").ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }
}
