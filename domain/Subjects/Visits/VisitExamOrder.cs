using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Visits;

/// <summary>
/// An exam of a visit's content ordered at the hospital (O12): the link from the visit to the hospital order (issue 8),
/// whose result completes the exam's item of the visit's to-do list. Cancelled in our rows when the subject leaves the
/// study (the hospital port has no cancel).
/// </summary>
public sealed class VisitExamOrder : IAudited
{
    private VisitExamOrder() { }

    public VisitExamOrder(Guid orderId, Guid visitId, Guid subjectId, string examCode, string placedBy, DateTimeOffset placedAt)
    {
        OrderId = orderId;
        VisitId = visitId;
        SubjectId = subjectId;
        ExamCode = examCode;
        PlacedBy = placedBy;
        PlacedAt = placedAt;
    }

    /// <summary>The hospital order's id (<see cref="Integration.Orders.HospitalOrder"/>).</summary>
    public Guid OrderId { get; private set; }
    public Guid VisitId { get; private set; }
    public Guid SubjectId { get; private set; }
    public string ExamCode { get; private set; } = "";
    public string PlacedBy { get; private set; } = "";
    public DateTimeOffset PlacedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    public bool Cancel(DateTimeOffset at)
    {
        if (CancelledAt is not null)
        {
            return false;
        }
        CancelledAt = at;
        return true;
    }
}

internal sealed class VisitExamOrderConfiguration : IEntityTypeConfiguration<VisitExamOrder>
{
    public void Configure(EntityTypeBuilder<VisitExamOrder> b)
    {
        b.ToTable("subject_visit_orders");
        b.HasKey(o => o.OrderId);
        b.Property(o => o.OrderId).ValueGeneratedNever();
        b.HasIndex(o => new { o.VisitId, o.ExamCode });
        b.HasIndex(o => o.SubjectId);
        b.HasOne<Integration.Orders.HospitalOrder>().WithOne().HasForeignKey<VisitExamOrder>(o => o.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SubjectVisit>().WithMany().HasForeignKey(o => o.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.ExamCode).HasMaxLength(Integration.Orders.HospitalOrder.CodeMax).IsRequired();
        b.Property(o => o.PlacedBy).HasMaxLength(Subject.UserNameMax).IsRequired();
    }
}
