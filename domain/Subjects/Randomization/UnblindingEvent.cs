using Ctms.Domain.Audit;
using Ctms.Domain.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>
/// An emergency unblinding (O10): the PI broke the blind of one subject, with a reason and an electronic signature. From
/// then on that PI sees the subject's arm (<see cref="ArmVisibility"/>); the sponsor side is told (never the arm).
/// </summary>
public sealed class UnblindingEvent : IAudited, ISignable
{
    public const string Meaning = "I break the blind of this subject for a medical emergency";

    private UnblindingEvent() { }

    public UnblindingEvent(Guid subjectId, Guid projectId, string userId, string userName, string reason, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        SubjectId = subjectId;
        ProjectId = projectId;
        UserId = userId;
        UserName = userName;
        Reason = reason;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid ProjectId { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public string SignatureRecordType => "subject-unblinding";
    public string SignatureRecordId => Id.ToString();

    public string SignedContent() => Signatures.SignedContent.Of(SignatureRecordType,
        ("subject", SubjectId), ("by", UserName), ("reason", Reason), ("at", At));
}

internal sealed class UnblindingEventConfiguration : IEntityTypeConfiguration<UnblindingEvent>
{
    public void Configure(EntityTypeBuilder<UnblindingEvent> b)
    {
        b.ToTable("unblinding_events");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.SubjectId, e.UserId });
        b.HasIndex(e => e.ProjectId);
        b.HasOne<Subject>().WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        b.Property(e => e.UserName).HasMaxLength(Subject.UserNameMax).IsRequired();
        b.Property(e => e.Reason).HasMaxLength(Subject.ReasonMax).IsRequired();
    }
}
