using Ctms.Domain.Common;
using Mediator;

namespace Ctms.Domain.Notifications;

/// <summary>
/// An administrator sends themselves the <c>notification-test</c> message (in the studio and, with an e-mail address on
/// the account, by mail) to check that mail leaves the host; answers how many were notified (0 or 1).
/// </summary>
public sealed record SendTestNotification : ICommand<int>;

public sealed class SendTestNotificationHandler(TemplateAdministration admin, ICurrentUser user, IMediator mediator, TimeProvider clock)
    : ICommandHandler<SendTestNotification, int>
{
    public const string Template = "notification-test";

    public async ValueTask<int> Handle(SendTestNotification command, CancellationToken ct)
    {
        admin.EnsureCanEdit();
        var model = new Dictionary<string, object?>(StringComparer.Ordinal) { ["sentAt"] = clock.GetUtcNow(), ["sentBy"] = user.UserName };
        return await mediator.Send(new SendNotification(Template, [user.UserName ?? user.UserId], null, model, "notifications"), ct);
    }
}
