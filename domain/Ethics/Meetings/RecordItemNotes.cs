using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Mediator;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>The secretary's discussion notes on an item; the minutes are drafted from them.</summary>
public sealed record RecordItemNotes(Guid MeetingId, Guid ItemId, string? Notes) : ICommand<MeetingDto>, IValidatable
{
    public void Validate(Validator v) => v.Optional(nameof(Notes), Notes, MeetingItem.NotesMax);
}

public sealed class RecordItemNotesHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures)
    : ICommandHandler<RecordItemNotes, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(RecordItemNotes command, CancellationToken ct)
    {
        var m = await MeetingContext.LoadAsync(db, user, command.MeetingId, ct);
        await m.EnsureSecretaryAsync(access, user, ct);
        m.EnsureNotClosed();
        m.Item(command.ItemId).DiscussionNotes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim();
        m.Touch();
        await db.SaveChangesAsync(ct);
        return await MeetingDto.BuildAsync(m, db, signatures, ct);
    }
}
