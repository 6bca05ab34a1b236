using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Integration.Orders;

/// <summary>
/// An exam report the trial keeps (a copy of the hospital's DiagnosticReport for an order): a coded exam with a written
/// conclusion, which <see cref="Results.LabResult"/> (a value, a unit, a reference range) has no place for. Unique by the
/// report's id at the hospital, so a notification delivered twice stores it once.
/// </summary>
public sealed class ExamResult
{
    public const int ConclusionMax = 4000;

    private ExamResult() { }

    public ExamResult(Guid patientId, Guid orderId, string hospitalId, string system, string code, string? display, string? category,
        string? conclusion, DateTimeOffset? effectiveAt, DateTimeOffset receivedAt)
    {
        Id = Guid.CreateVersion7();
        PatientId = patientId;
        OrderId = orderId;
        HospitalId = hospitalId;
        System = system;
        Code = code;
        Display = display;
        Category = category;
        Conclusion = conclusion is { Length: > ConclusionMax } ? conclusion[..ConclusionMax] : conclusion;
        EffectiveAt = effectiveAt;
        ReceivedAt = receivedAt;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid OrderId { get; private set; }
    public string HospitalId { get; private set; } = "";
    public string System { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string? Display { get; private set; }

    /// <summary>radiology, cardiology... as the hospital categorised the report.</summary>
    public string? Category { get; private set; }

    public string? Conclusion { get; private set; }
    public DateTimeOffset? EffectiveAt { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
}

internal sealed class ExamResultConfiguration : IEntityTypeConfiguration<ExamResult>
{
    public void Configure(EntityTypeBuilder<ExamResult> b)
    {
        b.ToTable("exam_results");
        b.HasKey(r => r.Id);
        b.Property(r => r.HospitalId).HasMaxLength(HospitalOrder.HospitalIdMax).IsRequired();
        b.HasIndex(r => r.HospitalId).IsUnique();
        b.Property(r => r.System).HasMaxLength(HospitalOrder.SystemMax).IsRequired();
        b.Property(r => r.Code).HasMaxLength(HospitalOrder.CodeMax).IsRequired();
        b.Property(r => r.Display).HasMaxLength(HospitalOrder.DisplayMax);
        b.Property(r => r.Category).HasMaxLength(64);
        b.Property(r => r.Conclusion).HasMaxLength(ExamResult.ConclusionMax);
        b.HasIndex(r => r.OrderId);
        b.HasIndex(r => r.PatientId);
        b.HasOne<HospitalOrder>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
