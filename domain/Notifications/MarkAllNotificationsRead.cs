using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Notifications;

/// <summary>The caller marks every unread notification of theirs read; answers how many that was.</summary>
public sealed record MarkAllNotificationsRead : ICommand<int>;

public sealed class MarkAllNotificationsReadHandler(CtmsDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkAllNotificationsRead, int>
{
    public async ValueTask<int> Handle(MarkAllNotificationsRead command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => n.RecipientUserName == user.UserName && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
