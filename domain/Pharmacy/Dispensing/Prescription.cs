using Ctms.Domain.Audit;
using Ctms.Domain.Pharmacy.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Pharmacy.Dispensing;

/// <summary>
/// An investigator's prescription of the study drug for a subject at a visit (O20). It names the product and the dose,
/// never a kit or an arm: a blinded investigator prescribes "study drug for subject X, visit Y", and the kit is the
/// pharmacy's to pick at dispensing (O21) among the kits whose content is the subject's arm. <see cref="Version"/> lets
/// one of two desks dispensing the same prescription at once win.
/// </summary>
public sealed class Prescription : IAudited
{
    public const int NoteMax = 1000;

    private Prescription() { }

    public Prescription(Guid projectId, Guid subjectId, string visitCode, Guid productId, decimal? unitsPerDay, string? note, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        SubjectId = subjectId;
        VisitCode = visitCode;
        ProductId = productId;
        UnitsPerDay = unitsPerDay;
        Note = note;
        PrescribedBy = by;
        PrescribedAt = at;
        Status = PrescriptionStatus.Issued;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid SubjectId { get; private set; }
    public string VisitCode { get; private set; } = "";
    public Guid ProductId { get; private set; }

    /// <summary>The dose in the product's units per day, when the protocol sets one: what compliance is counted against (O22).</summary>
    public decimal? UnitsPerDay { get; private set; }

    public string? Note { get; private set; }
    public string PrescribedBy { get; private set; } = "";
    public DateTimeOffset PrescribedAt { get; private set; }
    public PrescriptionStatus Status { get; private set; }
    public Guid? KitId { get; private set; }
    public Guid? DispensedFromId { get; private set; }
    public string? DispensedBy { get; private set; }
    public DateTimeOffset? DispensedAt { get; private set; }
    public string? CancelReason { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    internal void MarkDispensed(Kit kit, Guid from, string by, DateTimeOffset at)
    {
        Status = PrescriptionStatus.Dispensed;
        KitId = kit.Id;
        DispensedFromId = from;
        DispensedBy = by;
        DispensedAt = at;
        Version = Guid.NewGuid();
    }

    internal void Cancel(string reason)
    {
        Status = PrescriptionStatus.Cancelled;
        CancelReason = reason;
        Version = Guid.NewGuid();
    }
}

public enum PrescriptionStatus
{
    Issued,
    Dispensed,
    Cancelled,
}

internal sealed class PrescriptionConfiguration : IEntityTypeConfiguration<Prescription>
{
    public void Configure(EntityTypeBuilder<Prescription> b)
    {
        b.ToTable("ip_prescriptions");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.ProjectId, p.Status });
        b.HasIndex(p => p.SubjectId);
        b.HasIndex(p => p.KitId).IsUnique();
        b.HasOne<Subjects.Subject>().WithMany().HasForeignKey(p => p.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InvestigationalProduct>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Kit>().WithMany().HasForeignKey(p => p.KitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.VisitCode).HasMaxLength(32).IsRequired();
        b.Property(p => p.UnitsPerDay).HasPrecision(9, 2);
        b.Property(p => p.Note).HasMaxLength(Prescription.NoteMax);
        b.Property(p => p.PrescribedBy).HasMaxLength(256).IsRequired();
        b.Property(p => p.DispensedBy).HasMaxLength(256);
        b.Property(p => p.CancelReason).HasMaxLength(Prescription.NoteMax);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}
