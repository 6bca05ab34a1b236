using Ctms.Domain.Notifications;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ctms.Api.Notifications;

/// <summary>The caller's own notifications (the bell) and the language they are written in.</summary>
internal static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("api/notifications").WithTags("Notifications");
        mine.MapGet("", ListMine).WithSummary("My notifications, newest first (unreadOnly, offset, limit up to 200).");
        mine.MapGet("unread-count", UnreadCount).WithSummary("How many of my notifications are unread.");
        mine.MapPost("{notificationId:guid}/read", MarkRead).WithSummary("Mark one of my notifications read.");
        mine.MapPost("read-all", MarkAllRead).WithSummary("Mark all my notifications read; answers how many were unread.");
        mine.MapPut("language", SetLanguage).WithSummary("The language of my notifications and mail: en or zh-CN (null: English).");
        app.MapGet("api/mail-outbox", ListOutbox).WithTags("Notifications")
            .WithSummary("The mail outbox for administrators: undelivered mail (waiting, retried, given up) with its last error; all=true for everything.");
        app.MapNotificationTemplatesEndpoints();
        return app;
    }

    public sealed record UnreadCountResponse(int Unread);

    public sealed record MarkAllReadResponse(int Marked);

    public sealed record LanguageRequest(string? Culture);

    private static async Task<Ok<NotificationPage>> ListMine([FromQuery] bool? unreadOnly, [FromQuery] int? offset, [FromQuery] int? limit,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMyNotifications(unreadOnly ?? false, offset ?? 0, limit ?? ListMyNotifications.DefaultLimit), ct));

    private static async Task<Ok<UnreadCountResponse>> UnreadCount(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCountResponse(await mediator.Send(new CountMyUnreadNotifications(), ct)));

    private static async Task<Ok<NotificationDto>> MarkRead(Guid notificationId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new MarkNotificationRead(notificationId), ct));

    private static async Task<Ok<MarkAllReadResponse>> MarkAllRead(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(new MarkAllReadResponse(await mediator.Send(new MarkAllNotificationsRead(), ct)));

    private static async Task<Ok<IReadOnlyList<OutboxMailDto>>> ListOutbox([FromQuery] bool? all, [FromQuery] int? limit, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMailOutbox(all != true, limit ?? 100), ct));

    private static async Task<NoContent> SetLanguage(LanguageRequest request, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new SetPreferredCulture(request.Culture), ct);
        return TypedResults.NoContent();
    }
}
