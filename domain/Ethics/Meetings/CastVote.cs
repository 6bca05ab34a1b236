using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// A member's signed vote on the item whose vote is open (P08's <c>record-vote</c>, in the command that completes the
/// member's vote task with the password). Refused: not a voting member of the committee, absent or recused (403); a
/// second vote, or a meeting not in session (409). The signature binds the vote's content.
/// </summary>
public sealed record CastVote(Guid ItemId, VoteOption Option, string? Comment) : ICommand<MeetingVoteDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(Enum.IsDefined(Option), nameof(Option), "Option must be approve, approve-with-modifications, revise-and-resubmit, disapprove or abstain.")
        .Optional(nameof(Comment), Comment, EthicsVote.CommentMax);
}

public sealed class CastVoteHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures, TimeProvider clock)
    : ICommandHandler<CastVote, MeetingVoteDto>
{
    public async ValueTask<MeetingVoteDto> Handle(CastVote command, CancellationToken ct)
    {
        var m = await MeetingContext.LoadByItemAsync(db, user, command.ItemId, ct);
        var item = m.Item(command.ItemId);
        var projectId = await db.EthicsReviews.Where(r => r.Id == item.ReviewId).Select(r => r.ProjectId).FirstAsync(ct);
        await access.EnsureAsync(user.Access, ProjectActions.EthicsVote, projectId, ct);
        var seat = EnsureMayVote(m, item);
        var now = clock.GetUtcNow();
        // Stored times keep microseconds (PostgreSQL): the signed content must read back the same.
        var vote = EthicsVote.Cast(item.Id, seat.Id, command.Option, string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim(),
            now.AddTicks(-(now.Ticks % 10)));
        db.Add(vote);
        var signature = await signatures.SignAsync(vote, null, ct);
        m.Touch();
        await db.SaveChangesAsync(ct);
        return new MeetingVoteDto(vote.Id, seat.Id, seat.UserName, seat.DisplayName, vote.Status, vote.Option, vote.Comment, vote.RecordedAt,
            [SignatureView.Of(signature, true)]);
    }

    /// <summary>The caller's seat, if they may vote on the item now; otherwise the refusal that says why.</summary>
    internal static CommitteeMember EnsureMayVote(MeetingContext m, MeetingItem item)
    {
        if (m.Seat is not { Votes: true } seat || !seat.InTermOn(m.Day))
        {
            throw new ForbiddenException($"You have no voting seat on {m.Committee.Name}: only its members vote.");
        }
        if (m.Meeting.Status != MeetingStatus.InSession)
        {
            throw new ConflictException(m.Meeting.Status == MeetingStatus.Closed
                ? "The meeting is closed: no more votes are taken."
                : $"Votes are taken while the meeting is in session; this one is {m.Meeting.Status}.");
        }
        if (item.Recusals.FirstOrDefault(r => r.MemberId == seat.Id) is { } recusal)
        {
            throw new ForbiddenException($"You are recused from this item ({recusal.Reason}) and do not vote on it.");
        }
        if (!m.Present.Contains(seat.Id))
        {
            throw new ForbiddenException("You are not recorded present at this meeting: ask the secretary to record your arrival.");
        }
        if (item.Votes.Any(v => v.MemberId == seat.Id))
        {
            throw new ConflictException("You have already voted on this item; a vote is not cast twice.");
        }
        if (item.Status != MeetingItemStatus.Voting)
        {
            throw new ConflictException($"The vote on this item is not open; it is {item.Status}.");
        }
        return seat;
    }
}
