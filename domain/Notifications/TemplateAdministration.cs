using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Notifications;

/// <summary>What the template commands share: who may read and edit, and a template's text in one language.</summary>
public sealed class TemplateAdministration(CtmsDbContext db, NotificationTemplates templates, ICurrentUser user)
{
    /// <summary>Administrators edit; the CTI director may read (and preview) what the office's mail says.</summary>
    public void EnsureCanRead()
    {
        if (!user.Access.IsInRole(Roles.Admin) && !user.Access.IsInRole(Roles.CtiDirector))
        {
            throw new ForbiddenException("Only an administrator or the CTI director may read the notification templates.");
        }
    }

    public void EnsureCanEdit()
    {
        if (!user.Access.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("Only an administrator may change the notification templates.");
        }
    }

    /// <summary>Throws 404 for an unknown template and 400 for a language templates are not written in.</summary>
    public void EnsureExists(string name, string culture)
    {
        if (!templates.Exists(name))
        {
            throw new NotFoundException($"There is no notification template '{name}'.");
        }
        if (!NotificationTemplates.IsCulture(culture))
        {
            throw DomainValidationException.For("Culture", $"The language must be one of {string.Join(", ", NotificationTemplates.Cultures)}.");
        }
    }

    public Task<TemplateOverride?> FindOverrideAsync(string name, string culture, CancellationToken ct) =>
        db.TemplateOverrides.SingleOrDefaultAsync(t => t.Name == name && t.Culture == culture, ct);

    /// <summary>
    /// Saves the office's own version of a template in one language (a new override, or a change of it), after checking
    /// that it parses; the caller has checked who may edit it. Invalid Liquid is a 400 on <c>Source</c> and nothing changes.
    /// </summary>
    public async Task<NotificationTemplateDto> SaveOverrideAsync(string name, string culture, string source, DateTimeOffset now, CancellationToken ct)
    {
        EnsureExists(name, culture);
        if (NotificationTemplates.Check(source) is { } error)
        {
            throw DomainValidationException.For("Source", error);
        }
        var by = user.UserName ?? user.UserId;
        var own = await FindOverrideAsync(name, culture, ct);
        if (own is null)
        {
            own = new TemplateOverride(name, culture, source, by, now);
            db.TemplateOverrides.Add(own);
        }
        else
        {
            own.Change(source, by, now);
        }
        await db.SaveChangesAsync(ct);
        return Describe(name, culture, own);
    }

    public NotificationTemplateDto Describe(string name, string culture, TemplateOverride? own)
    {
        var file = templates.FileSource(name, culture);
        if (own is not null)
        {
            return new NotificationTemplateDto(name, culture, own.Source, TemplateOrigin.Override, file, own.UpdatedBy, own.UpdatedAt);
        }
        return file is not null
            ? new NotificationTemplateDto(name, culture, file, TemplateOrigin.File, file, null, null)
            : new NotificationTemplateDto(name, culture, templates.FileSource(name, NotificationTemplates.DefaultCulture) ?? "",
                TemplateOrigin.EnglishFile, null, null, null);
    }
}
