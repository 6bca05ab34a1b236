using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Notifications;

/// <summary>
/// An administrator's version of a notification template in one language, used instead of the file in
/// <c>process-definitions/templates/</c> until it is deleted (back to the file). Audited: who changed a message, when,
/// and what it said.
/// </summary>
public sealed class TemplateOverride : IAudited
{
    public const int CultureMax = 10;
    public const int SourceMax = 20_000;

    private TemplateOverride() { }

    public TemplateOverride(string name, string culture, string source, string updatedBy, DateTimeOffset updatedAt)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Culture = culture;
        Change(source, updatedBy, updatedAt);
    }

    public Guid Id { get; private set; }

    /// <summary>The template's name, as its file is named (<c>task-assigned</c>).</summary>
    public string Name { get; private set; } = "";

    /// <summary><c>en</c> or <c>zh-CN</c>.</summary>
    public string Culture { get; private set; } = "";

    /// <summary>The template: first line <c>subject: ...</c>, then the body; Liquid.</summary>
    public string Source { get; private set; } = "";

    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Change(string source, string updatedBy, DateTimeOffset updatedAt)
    {
        Source = source;
        UpdatedBy = updatedBy;
        UpdatedAt = updatedAt;
    }
}

internal sealed class TemplateOverrideConfiguration : IEntityTypeConfiguration<TemplateOverride>
{
    public void Configure(EntityTypeBuilder<TemplateOverride> b)
    {
        b.ToTable("notification_templates");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(Notification.TemplateMax).IsRequired();
        b.Property(t => t.Culture).HasMaxLength(TemplateOverride.CultureMax).IsRequired();
        b.Property(t => t.Source).HasMaxLength(TemplateOverride.SourceMax).IsRequired();
        b.Property(t => t.UpdatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(t => new { t.Name, t.Culture }).IsUnique();
    }
}
