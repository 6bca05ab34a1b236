using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Notifications;

/// <summary>How many of the caller's notifications are unread: the number on the bell.</summary>
public sealed record CountMyUnreadNotifications : IQuery<int>;

public sealed class CountMyUnreadNotificationsHandler(CtmsDbContext db, ICurrentUser user) : IQueryHandler<CountMyUnreadNotifications, int>
{
    public async ValueTask<int> Handle(CountMyUnreadNotifications query, CancellationToken ct) =>
        await db.Notifications.CountAsync(n => n.RecipientUserName == user.UserName && n.ReadAt == null, ct);
}
