using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Notifications;

/// <summary>Every notification template with its languages: which have a file, which an administrator overrode.</summary>
public sealed record ListNotificationTemplates : IQuery<IReadOnlyList<TemplateSummaryDto>>;

public sealed class ListNotificationTemplatesHandler(CtmsDbContext db, NotificationTemplates templates, TemplateAdministration admin)
    : IQueryHandler<ListNotificationTemplates, IReadOnlyList<TemplateSummaryDto>>
{
    public async ValueTask<IReadOnlyList<TemplateSummaryDto>> Handle(ListNotificationTemplates query, CancellationToken ct)
    {
        admin.EnsureCanRead();
        var overrides = (await db.TemplateOverrides.AsNoTracking().ToListAsync(ct)).ToDictionary(t => (t.Name, t.Culture));
        return templates.Names().Select(name => new TemplateSummaryDto(name, NotificationTemplates.Cultures.Select(culture =>
        {
            var own = overrides.GetValueOrDefault((name, culture));
            return new TemplateCultureDto(culture, templates.FileSource(name, culture) is not null, own is not null, own?.UpdatedBy, own?.UpdatedAt);
        }).ToList())).ToList();
    }
}
