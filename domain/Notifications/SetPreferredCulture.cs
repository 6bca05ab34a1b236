using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Notifications;

/// <summary>
/// The signed-in user chooses the language of their notifications and mail (<c>en</c> or <c>zh-CN</c>; null is
/// English). The studio's language switch sends it, so the studio and the mail speak the same language.
/// </summary>
public sealed record SetPreferredCulture(string? Culture) : ICommand, IValidatable
{
    public void Validate(Validator v) => v
        .Must(Culture is null || NotificationTemplates.IsCulture(Culture), nameof(Culture),
            $"The language must be one of {string.Join(", ", NotificationTemplates.Cultures)}.");
}

public sealed class SetPreferredCultureHandler(CtmsDbContext db, ICurrentUser user) : ICommandHandler<SetPreferredCulture>
{
    public async ValueTask<Unit> Handle(SetPreferredCulture command, CancellationToken ct)
    {
        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == user.UserId, ct)
            ?? throw new NotFoundException("Your account was not found.");
        if (account.PreferredCulture != command.Culture)
        {
            account.PreferredCulture = command.Culture;
            await db.SaveChangesAsync(ct);
        }
        return Unit.Value;
    }
}
