using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Integration.Orders;

/// <summary>What a hospital order asks for: a lab test (its result is an Observation) or an exam (a DiagnosticReport).</summary>
public enum HospitalOrderKind
{
    Lab,
    Exam,
}

public enum HospitalOrderStatus
{
    /// <summary>The hospital accepted the order (it has the ServiceRequest's id); the result is awaited.</summary>
    Placed,

    /// <summary>The hospital posted a result for it.</summary>
    Resulted,

    /// <summary>The hospital reported that it cannot be carried out.</summary>
    Failed,
}

/// <summary>
/// A lab test or an exam the CTMS ordered at the hospital for a project's patient, paid by the trial. The row exists only
/// once the hospital has accepted the order (<see cref="HospitalRequestId"/> is never empty): an order the hospital did not
/// take leaves nothing behind but an alert. Its id is the identifier (<c>urn:ctms:order</c>) the hospital copies onto the
/// result, which is how the result finds the order and the process waiting for it.
/// </summary>
public sealed class HospitalOrder : IAudited
{
    public const int CodeMax = 64;
    public const int SystemMax = 200;
    public const int DisplayMax = 300;
    public const int HospitalIdMax = 128;

    private HospitalOrder() { }

    public HospitalOrder(Guid id, Guid projectId, Guid patientId, HospitalOrderKind kind, string system, string code, string? display,
        bool paidByTrial, string hospitalRequestId, string placedBy, DateTimeOffset placedAt)
    {
        Id = id;
        ProjectId = projectId;
        PatientId = patientId;
        Kind = kind;
        System = system;
        Code = code;
        Display = display;
        PaidByTrial = paidByTrial;
        HospitalRequestId = hospitalRequestId;
        PlacedBy = placedBy;
        PlacedAt = placedAt;
        Status = HospitalOrderStatus.Placed;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>The registered patient (<see cref="Privacy.RegisteredPatient"/>), never the MRN.</summary>
    public Guid PatientId { get; private set; }

    public HospitalOrderKind Kind { get; private set; }
    public string System { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string? Display { get; private set; }
    public bool PaidByTrial { get; private set; }
    public HospitalOrderStatus Status { get; private set; }

    /// <summary>The ServiceRequest's id at the hospital.</summary>
    public string HospitalRequestId { get; private set; } = "";

    public string PlacedBy { get; private set; } = "";
    public DateTimeOffset PlacedAt { get; private set; }
    public DateTimeOffset? ResultedAt { get; private set; }

    /// <summary>A result arrived. A later result for the same order (a corrected one) keeps the first time.</summary>
    public void Resulted(DateTimeOffset at)
    {
        if (Status == HospitalOrderStatus.Resulted)
        {
            return;
        }
        Status = HospitalOrderStatus.Resulted;
        ResultedAt = at;
    }
}

internal sealed class HospitalOrderConfiguration : IEntityTypeConfiguration<HospitalOrder>
{
    public void Configure(EntityTypeBuilder<HospitalOrder> b)
    {
        b.ToTable("hospital_orders");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Privacy.RegisteredPatient>().WithMany().HasForeignKey(o => o.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.System).HasMaxLength(HospitalOrder.SystemMax).IsRequired();
        b.Property(o => o.Code).HasMaxLength(HospitalOrder.CodeMax).IsRequired();
        b.Property(o => o.Display).HasMaxLength(HospitalOrder.DisplayMax);
        b.Property(o => o.HospitalRequestId).HasMaxLength(HospitalOrder.HospitalIdMax).IsRequired();
        b.HasIndex(o => o.HospitalRequestId);
        b.Property(o => o.PlacedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(o => new { o.ProjectId, o.PatientId });
    }
}
