using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Notifications;

/// <summary>
/// One message to one user, shown in the studio (the bell) and, when the user has an e-mail address, sent by mail:
/// rendered once from its template when the notification is sent, so what the user read is what is kept.
/// </summary>
public sealed class Notification
{
    public const int SubjectMax = 300;
    public const int BodyMax = 20_000;
    public const int TemplateMax = 100;
    public const int LinkMax = 500;

    private Notification() { }

    public Notification(string recipientUserName, string template, string subject, string body, Guid? projectId, string? link, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        RecipientUserName = recipientUserName;
        Template = template;
        Subject = subject.Length > SubjectMax ? subject[..SubjectMax] : subject;
        Body = body.Length > BodyMax ? body[..BodyMax] : body;
        ProjectId = projectId;
        Link = link;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string RecipientUserName { get; private set; } = "";

    /// <summary>The template it was rendered from (<c>process-definitions/templates/&lt;name&gt;.*.liquid</c>).</summary>
    public string Template { get; private set; } = "";

    public string Subject { get; private set; } = "";

    /// <summary>The rendered body, plain text (with blank lines between paragraphs).</summary>
    public string Body { get; private set; } = "";

    public Guid? ProjectId { get; private set; }

    /// <summary>Where the studio takes the reader (a task, a project page), relative to the studio's root.</summary>
    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.RecipientUserName).HasMaxLength(256).IsRequired();
        b.Property(n => n.Template).HasMaxLength(Notification.TemplateMax).IsRequired();
        b.Property(n => n.Subject).HasMaxLength(Notification.SubjectMax).IsRequired();
        b.Property(n => n.Body).HasMaxLength(Notification.BodyMax).IsRequired();
        b.Property(n => n.Link).HasMaxLength(Notification.LinkMax);
        b.HasIndex(n => new { n.RecipientUserName, n.ReadAt, n.Id });
        b.HasIndex(n => n.ProjectId);
    }
}
