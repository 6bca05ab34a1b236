using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// Opens the meeting (the <c>check-quorum</c> step of P08): the attendance must meet the committee's quorum, else the
/// meeting is refused (409) naming each rule that failed, and the secretary records late arrivals and tries again. On
/// opening, every member with an active conflict of interest with an item's project is recused from that item.
/// </summary>
/// <returns>The items to vote on, in agenda order.</returns>
public sealed record OpenMeeting(Guid MeetingId) : ICommand<IReadOnlyList<Guid>>;

public sealed class OpenMeetingHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<OpenMeeting, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(OpenMeeting command, CancellationToken ct)
    {
        var m = await MeetingContext.LoadAsync(db, user, command.MeetingId, ct);
        await m.EnsureSecretaryAsync(access, user, ct);
        if (m.Meeting.Status != MeetingStatus.Planned)
        {
            throw new ConflictException($"Only a planned meeting opens; this one is {m.Meeting.Status}.");
        }
        var failures = MeetingRules.QuorumFailures(m.Committee, m.Committee.Members, m.Present, m.Day);
        if (failures.Count > 0)
        {
            throw new ConflictException("The meeting is below quorum: " + string.Join(" ", failures));
        }
        var now = clock.GetUtcNow();
        var items = m.Meeting.Items.Where(i => i.Status == MeetingItemStatus.Pending).OrderBy(i => i.Position).ToList();
        await RecuseConflictedAsync(db, m, items, now, ct);
        m.Meeting.Status = MeetingStatus.InSession;
        m.Meeting.OpenedAt = now;
        m.Meeting.QuorumMet = true;
        m.Touch();
        await db.SaveChangesAsync(ct);
        return [.. items.Select(i => i.Id)];
    }

    /// <summary>Recuses, from each item, the members with an active conflict of interest with its project (once).</summary>
    internal static async Task RecuseConflictedAsync(CtmsDbContext db, MeetingContext m, IReadOnlyList<MeetingItem> items, DateTimeOffset now, CancellationToken ct)
    {
        var reviewIds = items.Select(i => i.ReviewId).ToList();
        var projects = await db.EthicsReviews.Where(r => reviewIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.ProjectId, ct);
        var projectIds = projects.Values.Distinct().ToList();
        var memberIds = m.Committee.Members.Select(s => s.Id).ToList();
        var conflicts = await db.ConflictsOfInterest
            .Where(c => projectIds.Contains(c.ProjectId) && memberIds.Contains(c.MemberId) && c.WithdrawnAt == null)
            .ToListAsync(ct);
        foreach (var item in items)
        {
            foreach (var conflict in conflicts.Where(c => c.ProjectId == projects[item.ReviewId]))
            {
                if (item.Recusals.All(r => r.MemberId != conflict.MemberId))
                {
                    db.Add(new MeetingRecusal(item.Id, conflict.MemberId, $"Declared conflict of interest: {conflict.Reason}", now));
                }
            }
        }
    }
}
