using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Mediator;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// A recusal declared at the meeting (a conflict not declared before, or any reason the member gives), recorded by the
/// secretary before the item's vote opens; the member then gets no vote on it.
/// </summary>
public sealed record RecuseFromItem(Guid MeetingId, Guid ItemId, Guid MemberId, string Reason) : ICommand<MeetingDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Reason), Reason, MeetingRecusal.ReasonMax);
}

public sealed class RecuseFromItemHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures, TimeProvider clock)
    : ICommandHandler<RecuseFromItem, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(RecuseFromItem command, CancellationToken ct)
    {
        var m = await MeetingContext.LoadAsync(db, user, command.MeetingId, ct);
        await m.EnsureSecretaryAsync(access, user, ct);
        m.EnsureNotClosed();
        var item = m.Item(command.ItemId);
        var member = m.Member(command.MemberId);
        if (item.Status != MeetingItemStatus.Pending)
        {
            throw new ConflictException($"A recusal is recorded before the item's vote opens; this item is {item.Status}.");
        }
        if (item.Recusals.Any(r => r.MemberId == member.Id))
        {
            throw new ConflictException($"{member.DisplayName} is already recused from this item.");
        }
        db.Add(new MeetingRecusal(item.Id, member.Id, command.Reason.Trim(), clock.GetUtcNow()));
        m.Touch();
        await db.SaveChangesAsync(ct);
        return await MeetingDto.BuildAsync(m, db, signatures, ct);
    }
}
