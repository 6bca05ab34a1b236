using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Mediator;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// The secretary arranges the agenda before its items come up: moves an item to another place (<see cref="Position"/>,
/// from 1) or defers it (<see cref="Defer"/>): a deferred review awaits the next meeting again.
/// </summary>
public sealed record ArrangeAgenda(Guid MeetingId, Guid ItemId, int? Position, bool Defer) : ICommand<MeetingDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(Position is null or >= 1, nameof(Position), "Position starts at 1.")
        .Must(Position is not null || Defer, nameof(Position), "Give the item's new position, or defer it.");
}

public sealed class ArrangeAgendaHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures, TimeProvider clock)
    : ICommandHandler<ArrangeAgenda, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(ArrangeAgenda command, CancellationToken ct)
    {
        var m = await MeetingContext.LoadAsync(db, user, command.MeetingId, ct);
        await m.EnsureSecretaryAsync(access, user, ct);
        m.EnsureNotClosed();
        var item = m.Item(command.ItemId);
        if (item.Status != MeetingItemStatus.Pending)
        {
            throw new ConflictException($"Only items still to come can be moved or deferred; this one is {item.Status}.");
        }
        if (m.Meeting.Status == MeetingStatus.InSession)
        {
            // Once the meeting is open, P08 took the agenda's order: changing it now would not change what is voted on.
            throw new ConflictException("The meeting is in session: its agenda was fixed when it opened.");
        }
        if (command.Defer)
        {
            item.Status = MeetingItemStatus.Deferred;
            var review = await db.EthicsReviews.FindAsync([item.ReviewId], ct) ?? throw new NotFoundException($"Review {item.ReviewId} was not found.");
            review.MoveTo(ReviewStatus.AwaitingMeeting, clock.GetUtcNow());
        }
        if (command.Position is { } position)
        {
            var order = m.Meeting.Items.Where(i => i.Id != item.Id).OrderBy(i => i.Position).ToList();
            order.Insert(Math.Min(position - 1, order.Count), item);
            for (var i = 0; i < order.Count; i++)
            {
                order[i].Position = i + 1;
            }
        }
        m.Touch();
        await db.SaveChangesAsync(ct);
        return await MeetingDto.BuildAsync(m, db, signatures, ct);
    }
}
