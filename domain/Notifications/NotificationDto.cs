namespace Ctms.Domain.Notifications;

/// <summary>One notification as its reader sees it.</summary>
public sealed record NotificationDto(
    Guid Id, string Template, string Subject, string Body, Guid? ProjectId, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    internal static NotificationDto From(Notification n) => new(n.Id, n.Template, n.Subject, n.Body, n.ProjectId, n.Link, n.CreatedAt, n.ReadAt);
}

/// <summary>A page of the caller's notifications, newest first, with the totals the bell and the pager need.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, int Total, int Unread);
