using Mediator;

namespace Ctms.Domain.Notifications;

/// <summary>A template's text in one language as it is used now (override, file, or the English file).</summary>
public sealed record GetNotificationTemplate(string Name, string Culture) : IQuery<NotificationTemplateDto>;

public sealed class GetNotificationTemplateHandler(TemplateAdministration admin) : IQueryHandler<GetNotificationTemplate, NotificationTemplateDto>
{
    public async ValueTask<NotificationTemplateDto> Handle(GetNotificationTemplate query, CancellationToken ct)
    {
        admin.EnsureCanRead();
        admin.EnsureExists(query.Name, query.Culture);
        return admin.Describe(query.Name, query.Culture, await admin.FindOverrideAsync(query.Name, query.Culture, ct));
    }
}
