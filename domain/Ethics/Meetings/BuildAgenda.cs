using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// Puts every review of the meeting's committee that awaits a full board on the agenda (the <c>build-agenda</c> step of
/// P08), the longest waiting first, after the items already there; each review is then OnAgenda. Run again, it adds
/// what arrived since.
/// </summary>
public sealed record BuildAgenda(Guid MeetingId) : ICommand<MeetingDto>;

public sealed class BuildAgendaHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures, TimeProvider clock)
    : ICommandHandler<BuildAgenda, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(BuildAgenda command, CancellationToken ct)
    {
        var m = await MeetingContext.LoadAsync(db, user, command.MeetingId, ct);
        await m.EnsureSecretaryAsync(access, user, ct);
        if (m.Meeting.Status != MeetingStatus.Planned)
        {
            throw new ConflictException($"The agenda is built before the meeting opens; this meeting is {m.Meeting.Status}.");
        }
        var waiting = await db.EthicsReviews
            .Where(r => r.CommitteeId == m.Committee.Id && r.Status == ReviewStatus.AwaitingMeeting)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var position = m.Meeting.Items.Select(i => i.Position).DefaultIfEmpty(0).Max();
        foreach (var review in waiting.OrderBy(r => r.StatusChangedAt).ThenBy(r => r.SubmittedAt))
        {
            review.MoveTo(ReviewStatus.OnAgenda, now);
            var item = m.Meeting.Items.FirstOrDefault(i => i.ReviewId == review.Id);
            if (item is null)
            {
                db.Add(new MeetingItem(m.Meeting.Id, review.Id, ++position));
            }
            else
            {
                // A review deferred from this very agenda and put back comes back at the end.
                item.Status = MeetingItemStatus.Pending;
                item.Position = ++position;
            }
        }
        m.Touch();
        await db.SaveChangesAsync(ct);
        return await MeetingDto.BuildAsync(m, db, signatures, ct);
    }
}
