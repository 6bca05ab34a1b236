using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Notifications;

/// <summary>The caller's own notifications, newest first; only the unread ones when asked.</summary>
public sealed record ListMyNotifications(bool UnreadOnly = false, int Offset = 0, int Limit = ListMyNotifications.DefaultLimit)
    : IQuery<NotificationPage>, IValidatable
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public void Validate(Validator v) => v
        .Must(Offset >= 0, nameof(Offset), "Offset cannot be negative.")
        .Must(Limit is > 0 and <= MaxLimit, nameof(Limit), $"Limit must be between 1 and {MaxLimit}.");
}

public sealed class ListMyNotificationsHandler(CtmsDbContext db, ICurrentUser user) : IQueryHandler<ListMyNotifications, NotificationPage>
{
    public async ValueTask<NotificationPage> Handle(ListMyNotifications query, CancellationToken ct)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientUserName == user.UserName);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var selected = query.UnreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = query.UnreadOnly ? unread : await selected.CountAsync(ct);
        // Ids are version 7 GUIDs: their order is the order of creation, on both providers.
        var page = await selected.OrderByDescending(n => n.Id).Skip(query.Offset).Take(query.Limit).ToListAsync(ct);
        return new NotificationPage(page.ConvertAll(NotificationDto.From), total, unread);
    }
}
