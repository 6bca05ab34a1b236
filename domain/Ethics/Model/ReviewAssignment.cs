using Ctms.Domain.Audit;
using Ctms.Domain.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Ethics.Model;

/// <summary>
/// A primary reviewer of a review (P06 assigns, P07 records): their opinion with the review checklist's answers, signed.
/// </summary>
public sealed class ReviewAssignment : IAudited, ISignable
{
    public const int OpinionTextMax = 4000;
    public const int ChecklistMax = 8000;

    private ReviewAssignment() { }

    public ReviewAssignment(Guid reviewId, Guid memberId, string assignedBy, DateTimeOffset assignedAt)
    {
        Id = Guid.CreateVersion7();
        ReviewId = reviewId;
        MemberId = memberId;
        AssignedBy = assignedBy;
        AssignedAt = assignedAt;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid MemberId { get; private set; }
    public string AssignedBy { get; private set; } = "";
    public DateTimeOffset AssignedAt { get; private set; }

    /// <summary>The reviewer's recommendation; null until they gave their opinion.</summary>
    public VoteOption? Opinion { get; internal set; }

    public string? OpinionText { get; internal set; }

    /// <summary>The checklist's answers as JSON (question key to answer), as the opinion form sent them.</summary>
    public string? Checklist { get; internal set; }

    public DateTimeOffset? OpinionAt { get; internal set; }

    public string SignatureRecordType => "ethics-opinion";
    public string SignatureRecordId => Id.ToString();

    public string SignedContent() => Signatures.SignedContent.Of(SignatureRecordType,
        ("review", ReviewId.ToString()), ("member", MemberId.ToString()), ("opinion", Opinion), ("text", OpinionText), ("checklist", Checklist),
        ("at", OpinionAt));
}

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> b)
    {
        b.ToTable("ethics_review_assignments");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.ReviewId, a.MemberId }).IsUnique();
        b.HasIndex(a => a.MemberId);
        b.HasOne<CommitteeMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.AssignedBy).HasMaxLength(256).IsRequired();
        b.Property(a => a.Opinion).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.OpinionText).HasMaxLength(ReviewAssignment.OpinionTextMax);
        b.Property(a => a.Checklist).HasMaxLength(ReviewAssignment.ChecklistMax);
    }
}
