using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Notifications;

/// <summary>An administrator deletes the override of a template in one language: the file is used again.</summary>
public sealed record RevertNotificationTemplate(string Name, string Culture) : ICommand<NotificationTemplateDto>;

public sealed class RevertNotificationTemplateHandler(CtmsDbContext db, TemplateAdministration admin)
    : ICommandHandler<RevertNotificationTemplate, NotificationTemplateDto>
{
    public async ValueTask<NotificationTemplateDto> Handle(RevertNotificationTemplate command, CancellationToken ct)
    {
        admin.EnsureCanEdit();
        admin.EnsureExists(command.Name, command.Culture);
        if (await admin.FindOverrideAsync(command.Name, command.Culture, ct) is { } own)
        {
            db.TemplateOverrides.Remove(own);
            await db.SaveChangesAsync(ct);
        }
        return admin.Describe(command.Name, command.Culture, null);
    }
}
