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

public sealed class SaveNotificationTemplateHandler(TemplateAdministration admin, TimeProvider clock)
    : ICommandHandler<SaveNotificationTemplate, NotificationTemplateDto>
{
    public async ValueTask<NotificationTemplateDto> Handle(SaveNotificationTemplate command, CancellationToken ct)
    {
        admin.EnsureCanEdit();
        return await admin.SaveOverrideAsync(command.Name, command.Culture, command.Source, clock.GetUtcNow(), ct);
    }
}
