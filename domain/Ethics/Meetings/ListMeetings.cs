using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>The meetings of the committees the user sits on (every committee's for the EC office's administrators), latest first.</summary>
public sealed record ListMeetings(Guid? CommitteeId) : IQuery<IReadOnlyList<MeetingSummaryDto>>;

public sealed class ListMeetingsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<ListMeetings, IReadOnlyList<MeetingSummaryDto>>
{
    public async ValueTask<IReadOnlyList<MeetingSummaryDto>> Handle(ListMeetings query, CancellationToken ct)
    {
        var committees = db.EthicsCommittees.AsNoTracking();
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.EthicsRead, ct))
        {
            committees = committees.Where(c => c.Members.Any(m => m.UserName == user.UserName));
        }
        if (query.CommitteeId is { } committeeId)
        {
            committees = committees.Where(c => c.Id == committeeId);
        }
        var rows = await db.EthicsMeetings.AsNoTracking()
            .Join(committees, m => m.CommitteeId, c => c.Id, (m, c) => new { Meeting = m, CommitteeName = c.Name, Items = m.Items.Count })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Meeting.ScheduledAt).Select(r => new MeetingSummaryDto(r.Meeting.Id, r.Meeting.CommitteeId, r.CommitteeName,
            r.Meeting.ScheduledAt, r.Meeting.Location, r.Meeting.Status, r.Meeting.QuorumMet, r.Items))];
    }
}
