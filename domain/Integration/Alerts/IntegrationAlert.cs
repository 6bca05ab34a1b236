using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Integration.Alerts;

/// <summary>
/// Something at the border with the hospital that a person must look at: the hospital down or answering nonsense, a
/// notification with a bad signature, a sync or an import that failed. One open alert per source and code: a repeat
/// counts on it (<see cref="Occurrences"/>, <see cref="LastSeenAt"/>) instead of flooding the list; acknowledging closes
/// it, and the next failure opens a new one. Its texts name the operation, never a patient.
/// </summary>
public sealed class IntegrationAlert
{
    public const int SourceMax = 64;
    public const int CodeMax = 64;
    public const int DetailMax = 2000;

    private IntegrationAlert() { }

    internal IntegrationAlert(string source, string code, string detail, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Source = source;
        Code = code;
        Detail = Clip(detail);
        RaisedAt = at;
        LastSeenAt = at;
        Occurrences = 1;
    }

    public Guid Id { get; private set; }

    /// <summary>Where it happened: <see cref="AlertSources"/>.</summary>
    public string Source { get; private set; } = "";

    /// <summary>What happened, stable for grouping (e.g. <c>unavailable</c>, <c>malformed-response</c>, <c>bad-signature</c>).</summary>
    public string Code { get; private set; } = "";

    /// <summary>The last occurrence's explanation.</summary>
    public string Detail { get; private set; } = "";

    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public int Occurrences { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    public bool IsOpen => AcknowledgedAt is null;

    internal void Repeat(string detail, DateTimeOffset at)
    {
        Detail = Clip(detail);
        LastSeenAt = at;
        Occurrences++;
    }

    internal void Acknowledge(string by, DateTimeOffset at)
    {
        AcknowledgedAt = at;
        AcknowledgedBy = by;
    }

    private static string Clip(string text) => text.Length <= DetailMax ? text : text[..DetailMax];
}

/// <summary>The parts of the integration that raise alerts.</summary>
public static class AlertSources
{
    public const string Hospital = "hospital";
    public const string Notifications = "notifications";
    public const string DictionarySync = "dictionary-sync";
    public const string BulkImport = "bulk-import";
}

internal sealed class IntegrationAlertConfiguration : IEntityTypeConfiguration<IntegrationAlert>
{
    public void Configure(EntityTypeBuilder<IntegrationAlert> b)
    {
        b.ToTable("integration_alerts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Source).HasMaxLength(IntegrationAlert.SourceMax).IsRequired();
        b.Property(a => a.Code).HasMaxLength(IntegrationAlert.CodeMax).IsRequired();
        b.Property(a => a.Detail).HasMaxLength(IntegrationAlert.DetailMax).IsRequired();
        b.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        b.Ignore(a => a.IsOpen);
        b.HasIndex(a => new { a.Source, a.Code, a.AcknowledgedAt });
        b.HasIndex(a => a.LastSeenAt);
    }
}
