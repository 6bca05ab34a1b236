using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Notifications;

/// <summary>The caller marks one of their notifications read (again is harmless); someone else's is not found.</summary>
public sealed record MarkNotificationRead(Guid NotificationId) : ICommand<NotificationDto>;

public sealed class MarkNotificationReadHandler(CtmsDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkNotificationRead, NotificationDto>
{
    public async ValueTask<NotificationDto> Handle(MarkNotificationRead command, CancellationToken ct)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.NotificationId && n.RecipientUserName == user.UserName, ct)
            ?? throw new NotFoundException($"Notification {command.NotificationId} was not found.");
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return NotificationDto.From(notification);
    }
}
