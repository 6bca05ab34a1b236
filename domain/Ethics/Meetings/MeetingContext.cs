using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// A meeting loaded with everything its commands check (its committee and seats, agenda, recusals, votes, attendance),
/// and who the current user is on that committee. Meetings belong to a committee, not to a project: the committee's
/// secretary (or an administrator of every project's ethics work) runs them, its seated members read them. New rows
/// (items, attendance, recusals, votes) are added to the context only: EF's fix-up puts them in the loaded collections.
/// </summary>
public sealed class MeetingContext
{
    private MeetingContext(EthicsMeeting meeting, EthicsCommittee committee, CommitteeMember? seat)
    {
        Meeting = meeting;
        Committee = committee;
        Seat = seat;
    }

    public EthicsMeeting Meeting { get; }
    public EthicsCommittee Committee { get; }

    /// <summary>The current user's seat on the meeting's committee, if they have one.</summary>
    public CommitteeMember? Seat { get; }

    public DateOnly Day => DateOnly.FromDateTime(Meeting.ScheduledAt.UtcDateTime);

    public CommitteeMember Member(Guid memberId) => Committee.Members.SingleOrDefault(m => m.Id == memberId)
        ?? throw new NotFoundException($"Member {memberId} has no seat on {Committee.Name}.");

    public MeetingItem Item(Guid itemId) => Meeting.Items.SingleOrDefault(i => i.Id == itemId)
        ?? throw new NotFoundException($"Item {itemId} is not on the agenda of this meeting.");

    public IReadOnlySet<Guid> Present => Meeting.Attendance.Where(a => a.Present).Select(a => a.MemberId).ToHashSet();

    /// <summary>The members who vote on an item: present, with a voting seat in term, not recused; in the order of their seats.</summary>
    public IReadOnlyList<CommitteeMember> Voters(MeetingItem item)
    {
        var present = Present;
        var recused = item.Recusals.Select(r => r.MemberId).ToHashSet();
        return [.. Committee.Members.Where(m => m.Votes && m.InTermOn(Day) && present.Contains(m.Id) && !recused.Contains(m.Id))
            .OrderBy(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.Ordinal)];
    }

    public static async Task<MeetingContext> LoadAsync(CtmsDbContext db, ICurrentUser user, Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.EthicsMeetings
            .Include(m => m.Items).ThenInclude(i => i.Recusals)
            .Include(m => m.Items).ThenInclude(i => i.Votes)
            .Include(m => m.Attendance)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new NotFoundException($"Meeting {meetingId} was not found.");
        var committee = await db.EthicsCommittees.Include(c => c.Members).FirstAsync(c => c.Id == meeting.CommitteeId, ct);
        return new MeetingContext(meeting, committee, committee.Members.FirstOrDefault(m => m.UserName == user.UserName));
    }

    /// <summary>The meeting that has this item on its agenda.</summary>
    public static async Task<MeetingContext> LoadByItemAsync(CtmsDbContext db, ICurrentUser user, Guid itemId, CancellationToken ct)
    {
        var meetingId = await db.MeetingItems.Where(i => i.Id == itemId).Select(i => (Guid?)i.MeetingId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Meeting item {itemId} was not found.");
        return await LoadAsync(db, user, meetingId, ct);
    }

    /// <summary>Seated members of the committee and those who read every project's ethics work may read; to others the meeting does not exist.</summary>
    public async Task EnsureReaderAsync(ProjectAccess access, ICurrentUser user, CancellationToken ct)
    {
        if (Seat is null && !await access.CanEverywhereAsync(user.Access, ProjectActions.EthicsRead, ct))
        {
            throw new NotFoundException($"Meeting {Meeting.Id} was not found.");
        }
    }

    /// <summary>The committee's secretary runs its meetings (an administrator may act for the office).</summary>
    public async Task EnsureSecretaryAsync(ProjectAccess access, ICurrentUser user, CancellationToken ct)
    {
        if (Seat?.Role == CommitteeRole.Secretary || await access.CanEverywhereAsync(user.Access, ProjectActions.EthicsAdminister, ct))
        {
            return;
        }
        await EnsureReaderAsync(access, user, ct);
        throw new ForbiddenException($"Only the secretary of {Committee.Name} runs its meetings.");
    }

    /// <summary>Planning (agenda, attendance) is open until the meeting closes.</summary>
    public void EnsureNotClosed()
    {
        if (Meeting.Status is MeetingStatus.Closed or MeetingStatus.Cancelled)
        {
            throw new ConflictException($"The meeting of {Meeting.ScheduledAt.UtcDateTime:yyyy-MM-dd} is {Meeting.Status}: nothing can change any more.");
        }
    }

    public void Touch() => Meeting.Version = Guid.NewGuid();
}
