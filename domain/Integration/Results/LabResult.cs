using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Integration.Results;

/// <summary>How a lab result reached the CTMS.</summary>
public enum LabResultSource
{
    /// <summary>Posted by the hospital as the result of an order the CTMS placed.</summary>
    Order,

    /// <summary>Loaded from a FHIR Bulk Data (ndjson) file.</summary>
    BulkImport,
}

/// <summary>
/// A lab result the trial keeps (source data for the e-CRF): a copy of the hospital's Observation for a registered patient,
/// never edited in the CTMS. <see cref="HospitalId"/> (the Observation's id at the hospital) is unique per source, so a
/// notification delivered twice or a file imported twice stores each result once. The patient is the registry's id.
/// </summary>
public sealed class LabResult
{
    public const int CodeMax = 64;
    public const int SystemMax = 200;
    public const int DisplayMax = 300;
    public const int UnitMax = 32;
    public const int HospitalIdMax = 128;

    private LabResult() { }

    public LabResult(Guid patientId, string hospitalId, LabResultSource source, string system, string code, string? display, decimal? value,
        string? unit, decimal? low, decimal? high, string? interpretation, DateTimeOffset? effectiveAt, DateTimeOffset receivedAt,
        Guid? orderId = null, Guid? importRunId = null)
    {
        Id = Guid.CreateVersion7();
        PatientId = patientId;
        HospitalId = hospitalId;
        Source = source;
        System = system;
        Code = code;
        Display = display;
        Value = value;
        Unit = unit;
        Low = low;
        High = high;
        Interpretation = interpretation;
        EffectiveAt = effectiveAt;
        ReceivedAt = receivedAt;
        OrderId = orderId;
        ImportRunId = importRunId;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public string HospitalId { get; private set; } = "";
    public LabResultSource Source { get; private set; }
    public string System { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string? Display { get; private set; }
    public decimal? Value { get; private set; }
    public string? Unit { get; private set; }
    public decimal? Low { get; private set; }
    public decimal? High { get; private set; }

    /// <summary>H, L, N, A... as the hospital flagged it.</summary>
    public string? Interpretation { get; private set; }

    public DateTimeOffset? EffectiveAt { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The CTMS order it answers, when it came from one.</summary>
    public Guid? OrderId { get; private set; }

    /// <summary>The bulk import run that loaded it.</summary>
    public Guid? ImportRunId { get; private set; }
}

internal sealed class LabResultConfiguration : IEntityTypeConfiguration<LabResult>
{
    public void Configure(EntityTypeBuilder<LabResult> b)
    {
        b.ToTable("lab_results");
        b.HasKey(r => r.Id);
        b.Property(r => r.HospitalId).HasMaxLength(LabResult.HospitalIdMax).IsRequired();
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => new { r.Source, r.HospitalId }).IsUnique();
        b.Property(r => r.System).HasMaxLength(LabResult.SystemMax).IsRequired();
        b.Property(r => r.Code).HasMaxLength(LabResult.CodeMax).IsRequired();
        b.Property(r => r.Display).HasMaxLength(LabResult.DisplayMax);
        b.Property(r => r.Unit).HasMaxLength(LabResult.UnitMax);
        b.Property(r => r.Interpretation).HasMaxLength(16);
        b.Property(r => r.Value).HasPrecision(18, 6);
        b.Property(r => r.Low).HasPrecision(18, 6);
        b.Property(r => r.High).HasPrecision(18, 6);
        b.HasIndex(r => new { r.PatientId, r.EffectiveAt });
        b.HasIndex(r => r.OrderId);
        b.HasIndex(r => r.ImportRunId);
    }
}
