using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// The secretary closes the meeting with its minutes (P08's last step); votes are refused from then on.
/// </summary>
/// <returns>The decided items, in agenda order: each goes to the decision (P09).</returns>
public sealed record CloseMeeting(Guid MeetingId, string Minutes) : ICommand<IReadOnlyList<Guid>>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Minutes), Minutes, EthicsMeeting.MinutesMax);
}

public sealed class CloseMeetingHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CloseMeeting, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(CloseMeeting command, CancellationToken ct)
    {
        var m = await MeetingContext.LoadAsync(db, user, command.MeetingId, ct);
        await m.EnsureSecretaryAsync(access, user, ct);
        if (m.Meeting.Status != MeetingStatus.InSession)
        {
            throw new ConflictException($"Only a meeting in session closes; this one is {m.Meeting.Status}.");
        }
        if (m.Meeting.Items.FirstOrDefault(i => i.Status == MeetingItemStatus.Voting) is { } open)
        {
            throw new ConflictException($"Item {open.Position} is still being voted on.");
        }
        var now = clock.GetUtcNow();
        foreach (var item in m.Meeting.Items.Where(i => i.Status == MeetingItemStatus.Pending))
        {
            // Not reached in this meeting: the review awaits the next one.
            item.Status = MeetingItemStatus.Deferred;
            (await db.EthicsReviews.FindAsync([item.ReviewId], ct))!.MoveTo(ReviewStatus.AwaitingMeeting, now);
        }
        m.Meeting.Minutes = command.Minutes.Trim();
        m.Meeting.Status = MeetingStatus.Closed;
        m.Meeting.ClosedAt = now;
        m.Touch();
        await db.SaveChangesAsync(ct);
        return [.. m.Meeting.Items.Where(i => i.Status == MeetingItemStatus.Decided).OrderBy(i => i.Position).Select(i => i.Id)];
    }
}
