using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Notifications;

/// <summary>
/// An administrator replaces a template's text in one language; the next notification uses it. A text that is not
/// valid Liquid, or lacks the <c>subject:</c> first line, is refused with the parser's message and nothing changes.
/// </summary>
public sealed record SaveNotificationTemplate(string Name, string Culture, string Source) : ICommand<NotificationTemplateDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Source), Source, TemplateOverride.SourceMax);
}

public sealed class SaveNotificationTemplateHandler(CtmsDbContext db, TemplateAdministration admin, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SaveNotificationTemplate, NotificationTemplateDto>
{
    public async ValueTask<NotificationTemplateDto> Handle(SaveNotificationTemplate command, CancellationToken ct)
    {
        admin.EnsureCanEdit();
        admin.EnsureExists(command.Name, command.Culture);
        if (NotificationTemplates.Check(command.Source) is { } error)
        {
            throw DomainValidationException.For(nameof(command.Source), error);
        }
        var now = clock.GetUtcNow();
        var by = user.UserName ?? user.UserId;
        var own = await admin.FindOverrideAsync(command.Name, command.Culture, ct);
        if (own is null)
        {
            own = new TemplateOverride(command.Name, command.Culture, command.Source, by, now);
            db.TemplateOverrides.Add(own);
        }
        else
        {
            own.Change(command.Source, by, now);
        }
        await db.SaveChangesAsync(ct);
        return admin.Describe(command.Name, command.Culture, own);
    }
}
