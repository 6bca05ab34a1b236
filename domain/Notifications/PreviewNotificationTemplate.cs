using Ctms.Domain.Common;
using Mediator;

namespace Ctms.Domain.Notifications;

/// <summary>
/// Renders a template with a test model, as a recipient of that language would receive it: the text in use, or the
/// draft in <see cref="Source"/> (not saved) while an administrator edits it.
/// </summary>
public sealed record PreviewNotificationTemplate(string Name, string Culture, string? Source, IReadOnlyDictionary<string, object?> Model)
    : IQuery<RenderedMessage>, IValidatable
{
    public void Validate(Validator v) => v.Optional(nameof(Source), Source, TemplateOverride.SourceMax);
}

public sealed class PreviewNotificationTemplateHandler(TemplateAdministration admin, NotificationTemplates templates, NotificationRenderer renderer)
    : IQueryHandler<PreviewNotificationTemplate, RenderedMessage>
{
    public async ValueTask<RenderedMessage> Handle(PreviewNotificationTemplate query, CancellationToken ct)
    {
        admin.EnsureCanRead();
        admin.EnsureExists(query.Name, query.Culture);
        if (query.Source is null)
        {
            return await renderer.RenderAsync(query.Name, query.Culture, query.Model, ct);
        }
        if (NotificationTemplates.Check(query.Source) is { } error)
        {
            throw DomainValidationException.For(nameof(query.Source), error);
        }
        return await templates.RenderSourceAsync(query.Source, query.Culture, query.Model);
    }
}
