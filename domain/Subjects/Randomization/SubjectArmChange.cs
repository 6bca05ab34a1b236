using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>An arm switch (O17): from which arm to which, why, by whom and when. The allocation history; audited.</summary>
public sealed class SubjectArmChange : IAudited
{
    private SubjectArmChange() { }

    public SubjectArmChange(Guid subjectId, Guid allocationId, string fromArm, string toArm, string reason, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        SubjectId = subjectId;
        AllocationId = allocationId;
        FromArm = fromArm;
        ToArm = toArm;
        Reason = reason;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid AllocationId { get; private set; }
    public string FromArm { get; private set; } = "";
    public string ToArm { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}

internal sealed class SubjectArmChangeConfiguration : IEntityTypeConfiguration<SubjectArmChange>
{
    public void Configure(EntityTypeBuilder<SubjectArmChange> b)
    {
        b.ToTable("subject_arm_changes");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.SubjectId);
        b.HasOne<SubjectAllocation>().WithMany().HasForeignKey(c => c.AllocationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.FromArm).HasMaxLength(Protocol.StudyArm.CodeMax).IsRequired();
        b.Property(c => c.ToArm).HasMaxLength(Protocol.StudyArm.CodeMax).IsRequired();
        b.Property(c => c.Reason).HasMaxLength(Subject.ReasonMax).IsRequired();
        b.Property(c => c.By).HasMaxLength(Subject.UserNameMax).IsRequired();
    }
}
