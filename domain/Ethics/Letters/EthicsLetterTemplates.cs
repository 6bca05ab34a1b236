using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Letters;

/// <summary>
/// The EC office edits its letters: the templates <c>ethics-letter-*</c> of <c>process-definitions/templates/</c>,
/// overridden per language in the database by the same mechanism as the notification templates (an override wins until
/// it is deleted; the administrator's <c>/admin/templates</c> shows them too). The EC secretary and administrators may
/// edit them; the EC chair may read them.
/// </summary>
public sealed class EthicsLetterTemplateAccess(ICurrentUser user, NotificationTemplates templates)
{
    public void EnsureCanRead()
    {
        if (!user.Access.IsInRole(Roles.EcSecretary) && !user.Access.IsInRole(Roles.EcChair) && !user.Access.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("Only the EC office (secretary, chair) or an administrator may read the ethics letter templates.");
        }
    }

    public void EnsureCanEdit()
    {
        if (!user.Access.IsInRole(Roles.EcSecretary) && !user.Access.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("Only the EC secretary or an administrator may change the ethics letter templates.");
        }
    }

    /// <summary>404 for a name that is not an ethics letter template (mail templates are edited in the administration).</summary>
    public void EnsureLetterTemplate(string name)
    {
        if (!name.StartsWith(EthicsLetterModel.TemplatePrefix, StringComparison.Ordinal) || !templates.Exists(name))
        {
            throw new NotFoundException($"There is no ethics letter template '{name}'.");
        }
    }

    public IReadOnlyList<string> Names() => [.. templates.Names().Where(n => n.StartsWith(EthicsLetterModel.TemplatePrefix, StringComparison.Ordinal))];
}

/// <summary>The letter templates with their languages: which have a file, which the EC office overrode.</summary>
public sealed record ListEthicsLetterTemplates : IQuery<IReadOnlyList<TemplateSummaryDto>>;

public sealed class ListEthicsLetterTemplatesHandler(CtmsDbContext db, NotificationTemplates templates, EthicsLetterTemplateAccess access)
    : IQueryHandler<ListEthicsLetterTemplates, IReadOnlyList<TemplateSummaryDto>>
{
    public async ValueTask<IReadOnlyList<TemplateSummaryDto>> Handle(ListEthicsLetterTemplates query, CancellationToken ct)
    {
        access.EnsureCanRead();
        var names = access.Names();
        var overrides = (await db.TemplateOverrides.AsNoTracking().Where(t => names.Contains(t.Name)).ToListAsync(ct)).ToDictionary(t => (t.Name, t.Culture));
        return [.. names.Select(name => new TemplateSummaryDto(name, [.. NotificationTemplates.Cultures.Select(culture =>
        {
            var own = overrides.GetValueOrDefault((name, culture));
            return new TemplateCultureDto(culture, templates.FileSource(name, culture) is not null, own is not null, own?.UpdatedBy, own?.UpdatedAt);
        })]))];
    }
}

/// <summary>One letter template in one language, as used now.</summary>
public sealed record GetEthicsLetterTemplate(string Name, string Culture) : IQuery<NotificationTemplateDto>;

public sealed class GetEthicsLetterTemplateHandler(EthicsLetterTemplateAccess access, TemplateAdministration admin)
    : IQueryHandler<GetEthicsLetterTemplate, NotificationTemplateDto>
{
    public async ValueTask<NotificationTemplateDto> Handle(GetEthicsLetterTemplate query, CancellationToken ct)
    {
        access.EnsureCanRead();
        access.EnsureLetterTemplate(query.Name);
        admin.EnsureExists(query.Name, query.Culture);
        return admin.Describe(query.Name, query.Culture, await admin.FindOverrideAsync(query.Name, query.Culture, ct));
    }
}

/// <summary>
/// The EC secretary replaces a letter template in one language; the next letter uses it. Invalid Liquid, or no
/// <c>subject:</c> first line (the letter's subject line), is refused with the parser's message and nothing changes.
/// </summary>
public sealed record SaveEthicsLetterTemplate(string Name, string Culture, string Source) : ICommand<NotificationTemplateDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Source), Source, TemplateOverride.SourceMax);
}

public sealed class SaveEthicsLetterTemplateHandler(EthicsLetterTemplateAccess access, TemplateAdministration admin, TimeProvider clock) : ICommandHandler<SaveEthicsLetterTemplate, NotificationTemplateDto>
{
    public async ValueTask<NotificationTemplateDto> Handle(SaveEthicsLetterTemplate command, CancellationToken ct)
    {
        access.EnsureCanEdit();
        access.EnsureLetterTemplate(command.Name);
        return await admin.SaveOverrideAsync(command.Name, command.Culture, command.Source, clock.GetUtcNow(), ct);
    }
}

/// <summary>The EC secretary deletes the override of a letter template in one language: the file is used again.</summary>
public sealed record RevertEthicsLetterTemplate(string Name, string Culture) : ICommand<NotificationTemplateDto>;

public sealed class RevertEthicsLetterTemplateHandler(CtmsDbContext db, EthicsLetterTemplateAccess access, TemplateAdministration admin)
    : ICommandHandler<RevertEthicsLetterTemplate, NotificationTemplateDto>
{
    public async ValueTask<NotificationTemplateDto> Handle(RevertEthicsLetterTemplate command, CancellationToken ct)
    {
        access.EnsureCanEdit();
        access.EnsureLetterTemplate(command.Name);
        admin.EnsureExists(command.Name, command.Culture);
        var own = await admin.FindOverrideAsync(command.Name, command.Culture, ct)
                  ?? throw new NotFoundException($"The letter template '{command.Name}' ({command.Culture}) has no override to delete.");
        db.TemplateOverrides.Remove(own);
        await db.SaveChangesAsync(ct);
        return admin.Describe(command.Name, command.Culture, null);
    }
}
