using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Notifications;

/// <summary>
/// Renders a template in a recipient's language, choosing the source in this order: the administrator's override in
/// that language, the file in that language, the override in English, the file in English.
/// </summary>
public sealed class NotificationRenderer(CtmsDbContext db, NotificationTemplates templates)
{
    private readonly Dictionary<(string, string), string?> _overrides = [];

    public async Task<RenderedMessage> RenderAsync(string name, string? culture, IReadOnlyDictionary<string, object?> model, CancellationToken ct)
    {
        culture = NotificationTemplates.IsCulture(culture) ? culture! : NotificationTemplates.DefaultCulture;
        var own = await OverrideAsync(name, culture, ct);
        if (own is not null)
        {
            return await templates.RenderSourceAsync(own, culture, model);
        }
        if (culture == NotificationTemplates.DefaultCulture || templates.FileSource(name, culture) is not null)
        {
            return await templates.RenderAsync(name, culture, model);
        }
        var english = await OverrideAsync(name, NotificationTemplates.DefaultCulture, ct);
        return english is not null
            ? await templates.RenderSourceAsync(english, culture, model)
            : await templates.RenderAsync(name, NotificationTemplates.DefaultCulture, model);
    }

    /// <summary>The override's source; looked up once per unit of work (one message to many recipients asks often).</summary>
    private async Task<string?> OverrideAsync(string name, string culture, CancellationToken ct)
    {
        if (!_overrides.TryGetValue((name, culture), out var source))
        {
            source = await db.TemplateOverrides.AsNoTracking().Where(t => t.Name == name && t.Culture == culture)
                .Select(t => t.Source).SingleOrDefaultAsync(ct);
            _overrides[(name, culture)] = source;
        }
        return source;
    }
}
