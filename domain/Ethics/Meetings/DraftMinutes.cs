using System.Globalization;
using System.Text;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// Drafts the minutes (P08, after the last item) from the record: attendance and quorum, then per item the review,
/// the recusals, the discussion notes, each vote (name, option, comment; cancelled votes as such) and the outcome. The
/// draft is kept on the meeting; the secretary edits it before closing.
/// </summary>
public sealed record DraftMinutes(Guid MeetingId) : ICommand<string>;

public sealed class DraftMinutesHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user) : ICommandHandler<DraftMinutes, string>
{
    public async ValueTask<string> Handle(DraftMinutes command, CancellationToken ct)
    {
        var m = await MeetingContext.LoadAsync(db, user, command.MeetingId, ct);
        await m.EnsureReaderAsync(access, user, ct);
        m.EnsureNotClosed();
        var reviewIds = m.Meeting.Items.Select(i => i.ReviewId).ToList();
        var reviews = await db.EthicsReviews.AsNoTracking().Where(r => reviewIds.Contains(r.Id))
            .Join(db.Projects, r => r.ProjectId, p => p.Id, (r, p) => new { r.Id, r.Title, p.ProtocolNumber, ProjectTitle = p.Title })
            .ToDictionaryAsync(r => r.Id, ct);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Minutes of the meeting of {m.Committee.Name}");
        text.AppendLine(c, $"Date: {m.Meeting.ScheduledAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC{(m.Meeting.Location is { } l ? $", {l}" : "")}");
        var present = m.Present;
        var seats = m.Committee.Members.Where(s => s.Role != CommitteeRole.Secretary).OrderBy(s => s.Role).ThenBy(s => s.DisplayName, StringComparer.Ordinal).ToList();
        text.AppendLine(c, $"Present: {Names(seats.Where(s => present.Contains(s.Id)))}");
        text.AppendLine(c, $"Absent: {Names(seats.Where(s => !present.Contains(s.Id)))}");
        text.AppendLine(m.Meeting.QuorumMet == true ? "The quorum was met." : "The quorum was not established.");
        foreach (var item in m.Meeting.Items.OrderBy(i => i.Position))
        {
            var review = reviews[item.ReviewId];
            text.AppendLine();
            text.AppendLine(c, $"{item.Position}. {review.ProtocolNumber} {review.ProjectTitle}: {review.Title}");
            foreach (var recusal in item.Recusals)
            {
                text.AppendLine(c, $"   Recused: {m.Member(recusal.MemberId).DisplayName} ({recusal.Reason})");
            }
            if (item.DiscussionNotes is { } notes)
            {
                text.AppendLine(c, $"   Discussion: {notes}");
            }
            foreach (var vote in item.Votes.OrderBy(v => v.Status).ThenBy(v => v.RecordedAt))
            {
                var name = m.Member(vote.MemberId).DisplayName;
                text.AppendLine(vote.Status == VoteStatus.Cancelled
                    ? $"   Vote of {name}: cancelled (still open when the outcome was settled)"
                    : $"   Vote of {name}: {EthicsNames.Of(vote.Option!.Value)}{(vote.Comment is { } comment ? $" ({comment})" : "")}");
            }
            text.AppendLine(item.Status switch
            {
                MeetingItemStatus.Decided => $"   Outcome: {EthicsNames.Of(item.Outcome!.Value)}",
                MeetingItemStatus.Deferred => "   Outcome: deferred to a later meeting (no majority, or not discussed)",
                _ => $"   Outcome: not decided ({item.Status})",
            });
        }
        var draft = text.ToString();
        m.Meeting.Minutes = draft.Length > EthicsMeeting.MinutesMax ? draft[..EthicsMeeting.MinutesMax] : draft;
        m.Touch();
        await db.SaveChangesAsync(ct);
        return m.Meeting.Minutes;
    }

    private static string Names(IEnumerable<CommitteeMember> members)
    {
        var names = members.Select(s => s.Role == CommitteeRole.Member ? s.DisplayName : $"{s.DisplayName} ({Role(s.Role)})").ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    private static string Role(CommitteeRole role) => role switch
    {
        CommitteeRole.ViceChair => "vice-chair",
        CommitteeRole.LayMember => "lay member",
        CommitteeRole.IndependentConsultant => "independent consultant",
        _ => role.ToString().ToLowerInvariant(),
    };
}
