using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Notifications;

/// <summary>
/// Notifies people: renders the template for each recipient and stores one <see cref="Notification"/> each, in the
/// caller's transaction (a notification of a step that rolled back is never sent). A recipient is a user name,
/// <c>role:&lt;role&gt;</c> (everyone holding that global role) or <c>project:&lt;role&gt;</c> (the members holding that
/// role on <see cref="ProjectId"/> now). Recipients named twice are notified once; none at all is not an error (a
/// project without a CRA yet), the count says so. Each recipient's message is rendered in their preferred language, and
/// a recipient with an e-mail address also gets it by mail: an <see cref="OutboxMail"/> row in the same transaction,
/// which the host's dispatcher sends.
/// </summary>
public sealed record SendNotification(
    string Template,
    IReadOnlyList<string> Recipients,
    Guid? ProjectId,
    IReadOnlyDictionary<string, object?> Model,
    string? Link = null) : ICommand<int>, IValidatable
{
    public const string RolePrefix = "role:";
    public const string ProjectRolePrefix = "project:";

    public void Validate(Validator v) => v
        .Required(nameof(Template), Template, Notification.TemplateMax)
        .Must(Recipients is { Count: > 0 }, nameof(Recipients), "Name at least one recipient.")
        .Must(Recipients is null || Recipients.All(r => !string.IsNullOrWhiteSpace(r)), nameof(Recipients), "A recipient is empty.")
        .Must(Recipients is null || !Recipients.Any(r => r.StartsWith(ProjectRolePrefix, StringComparison.Ordinal)) || ProjectId is not null,
            nameof(ProjectId), "project:<role> recipients need the project.")
        .Optional(nameof(Link), Link, Notification.LinkMax);
}

public sealed class SendNotificationHandler(CtmsDbContext db, NotificationTemplates templates, NotificationRenderer renderer, TimeProvider clock)
    : ICommandHandler<SendNotification, int>
{
    public async ValueTask<int> Handle(SendNotification command, CancellationToken ct)
    {
        if (!templates.Exists(command.Template))
        {
            throw DomainValidationException.For(nameof(command.Template), $"There is no notification template '{command.Template}'.");
        }
        var names = await ResolveAsync(command, ct);
        var recipients = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!))
            .Select(u => new { UserName = u.UserName!, u.DisplayName, u.Email, u.PreferredCulture })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var recipient in recipients.OrderBy(r => r.UserName, StringComparer.Ordinal))
        {
            // Each reader gets the message in their own language, and may be greeted by name.
            var model = new Dictionary<string, object?>(command.Model, StringComparer.Ordinal);
            model.TryAdd("recipientUserName", recipient.UserName);
            model.TryAdd("recipientName", string.IsNullOrEmpty(recipient.DisplayName) ? recipient.UserName : recipient.DisplayName);
            var message = await renderer.RenderAsync(command.Template, recipient.PreferredCulture, model, ct);
            var notification = new Notification(recipient.UserName, command.Template, message.Subject, message.Body, command.ProjectId, command.Link, now);
            db.Notifications.Add(notification);
            if (!string.IsNullOrWhiteSpace(recipient.Email))
            {
                db.MailOutbox.Add(new OutboxMail(notification.Id, recipient.Email.Trim(), recipient.DisplayName, notification.Subject, notification.Body, now));
            }
        }
        await db.SaveChangesAsync(ct);
        return recipients.Count;
    }

    private async Task<List<string>> ResolveAsync(SendNotification command, CancellationToken ct)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var recipient in command.Recipients.Select(r => r.Trim()))
        {
            if (recipient.StartsWith(SendNotification.RolePrefix, StringComparison.Ordinal))
            {
                var role = recipient[SendNotification.RolePrefix.Length..];
                names.UnionWith(await (from ur in db.UserRoles
                                       join r in db.Roles on ur.RoleId equals r.Id
                                       join u in db.Users on ur.UserId equals u.Id
                                       where r.Name == role
                                       select u.UserName!).ToListAsync(ct));
            }
            else if (recipient.StartsWith(SendNotification.ProjectRolePrefix, StringComparison.Ordinal))
            {
                var role = recipient[SendNotification.ProjectRolePrefix.Length..];
                var members = await (from m in db.ProjectMemberships
                                     join u in db.Users on m.UserId equals u.Id
                                     where m.ProjectId == command.ProjectId && m.Role == role && m.RevokedAt == null
                                     select new { m, u.UserName }).ToListAsync(ct);
                names.UnionWith(members.Where(x => x.m.IsActiveAt(now)).Select(x => x.UserName!));
            }
            else
            {
                var normalized = recipient.ToUpperInvariant();
                var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => u.UserName).SingleOrDefaultAsync(ct);
                if (user is not null)
                {
                    names.Add(user);
                }
            }
        }
        return [.. names];
    }
}
