using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>A meeting as the planner and the minutes page show it.</summary>
public sealed record MeetingDto(
    Guid Id,
    Guid CommitteeId,
    string CommitteeName,
    DateTimeOffset ScheduledAt,
    string? Location,
    MeetingStatus Status,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    bool? QuorumMet,
    IReadOnlyList<string> QuorumFailures,
    string? Minutes,
    IReadOnlyList<MeetingAttendanceDto> Attendance,
    IReadOnlyList<MeetingItemDto> Items)
{
    /// <summary>Builds the view of a loaded meeting: review titles and projects, and each vote with its signatures checked.</summary>
    internal static async Task<MeetingDto> BuildAsync(MeetingContext m, CtmsDbContext db, SignatureService signatures, CancellationToken ct)
    {
        var reviewIds = m.Meeting.Items.Select(i => i.ReviewId).ToList();
        var reviews = await db.EthicsReviews.AsNoTracking().Where(r => reviewIds.Contains(r.Id))
            .Join(db.Projects, r => r.ProjectId, p => p.Id, (r, p) => new { r.Id, r.ProjectId, r.Title, r.Kind, p.ProtocolNumber, ProjectTitle = p.Title })
            .ToDictionaryAsync(r => r.Id, ct);
        var attendance = m.Meeting.Attendance.ToDictionary(a => a.MemberId, a => a.Present);
        var items = new List<MeetingItemDto>();
        foreach (var item in m.Meeting.Items.OrderBy(i => i.Position))
        {
            var review = reviews[item.ReviewId];
            var votes = new List<MeetingVoteDto>();
            foreach (var vote in item.Votes.OrderBy(v => v.RecordedAt))
            {
                var member = m.Member(vote.MemberId);
                votes.Add(new MeetingVoteDto(vote.Id, member.Id, member.UserName, member.DisplayName, vote.Status, vote.Option, vote.Comment, vote.RecordedAt,
                    vote.Status == VoteStatus.Cast ? await signatures.CheckAsync(vote, ct) : []));
            }
            items.Add(new MeetingItemDto(item.Id, item.Position, item.ReviewId, review.ProjectId, review.ProtocolNumber, review.ProjectTitle, review.Title,
                review.Kind, item.Status, item.Outcome, item.DecidedAt, item.DiscussionNotes,
                [.. item.Recusals.Select(r => new MeetingRecusalDto(r.MemberId, m.Member(r.MemberId).DisplayName, r.Reason))],
                votes));
        }
        var seats = m.Committee.Members.Where(s => s.Role != CommitteeRole.Secretary)
            .OrderBy(s => s.Role).ThenBy(s => s.DisplayName, StringComparer.Ordinal)
            .Select(s => new MeetingAttendanceDto(s.Id, s.UserName, s.DisplayName, s.Role, s.Votes, s.Sex, s.Affiliated,
                attendance.TryGetValue(s.Id, out var present) ? present : null));
        var c = m.Meeting;
        return new MeetingDto(c.Id, c.CommitteeId, m.Committee.Name, c.ScheduledAt, c.Location, c.Status, c.OpenedAt, c.ClosedAt, c.QuorumMet,
            MeetingRules.QuorumFailures(m.Committee, m.Committee.Members, m.Present, m.Day), c.Minutes, [.. seats], items);
    }
}

/// <summary>A seat and whether its member was recorded present (null: not recorded yet).</summary>
public sealed record MeetingAttendanceDto(Guid MemberId, string UserName, string DisplayName, CommitteeRole Role, bool Votes, MemberSex Sex, bool Affiliated,
    bool? Present);

public sealed record MeetingItemDto(
    Guid Id,
    int Position,
    Guid ReviewId,
    Guid ProjectId,
    string ProtocolNumber,
    string ProjectTitle,
    string ReviewTitle,
    ReviewKind Kind,
    MeetingItemStatus Status,
    VoteOption? Outcome,
    DateTimeOffset? DecidedAt,
    string? DiscussionNotes,
    IReadOnlyList<MeetingRecusalDto> Recusals,
    IReadOnlyList<MeetingVoteDto> Votes);

public sealed record MeetingRecusalDto(Guid MemberId, string DisplayName, string Reason);

/// <summary>A vote with its signatures (a cast vote has one; a cancelled vote none), each telling whether the vote is still what was signed.</summary>
public sealed record MeetingVoteDto(Guid Id, Guid MemberId, string UserName, string DisplayName, VoteStatus Status, VoteOption? Option, string? Comment,
    DateTimeOffset RecordedAt, IReadOnlyList<SignatureView> Signatures);

/// <summary>A line of the meeting planner.</summary>
public sealed record MeetingSummaryDto(Guid Id, Guid CommitteeId, string CommitteeName, DateTimeOffset ScheduledAt, string? Location, MeetingStatus Status,
    bool? QuorumMet, int Items);
