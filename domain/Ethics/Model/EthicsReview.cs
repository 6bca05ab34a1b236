using Ctms.Domain.Audit;
using Ctms.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Ethics.Model;

/// <summary>
/// One review by the ethics committee of something about a project: a new protocol, an amendment, the yearly report, an
/// SAE, a deviation, a suspension. It carries the document versions under review, goes through the secretary's formal
/// review to an expedited or full-board track, and ends with a decision (<see cref="EthicsDecision"/>).
/// </summary>
public sealed class EthicsReview : IAudited
{
    public const int TitleMax = 300;
    public const int SummaryMax = 4000;
    public const int ReferenceMax = 128;

    private EthicsReview() { }

    public EthicsReview(Guid projectId, Guid committeeId, ReviewKind kind, string title, string? summary, string submittedBy, DateTimeOffset submittedAt)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        CommitteeId = committeeId;
        Kind = kind;
        Title = title;
        Summary = summary;
        SubmittedBy = submittedBy;
        SubmittedAt = submittedAt;
        Status = ReviewStatus.Submitted;
        StatusChangedAt = submittedAt;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid CommitteeId { get; internal set; }
    public ReviewKind Kind { get; private set; }
    public string Title { get; internal set; } = "";
    public string? Summary { get; internal set; }

    /// <summary>What the review is about outside the committee: an SAE report's number, a deviation's number, an amendment's number.</summary>
    public string? Reference { get; internal set; }

    public ReviewTrack? Track { get; internal set; }
    public ReviewStatus Status { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>For a continuing review: the date by which the committee must have reviewed the report, else the approval lapses.</summary>
    public DateTimeOffset? DueAt { get; internal set; }

    public DateTimeOffset? DecidedAt { get; internal set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public List<ReviewDocument> Documents { get; private set; } = [];
    public List<ReviewAssignment> Assignments { get; private set; } = [];

    /// <summary>The track the formal review chose: primary reviewers and the chair, or the full board.</summary>
    public void ChooseTrack(ReviewTrack track)
    {
        Track = track;
        Version = Guid.NewGuid();
    }

    /// <summary>Moves the review along its life cycle; a move the lifecycle does not allow is a conflict (409).</summary>
    public void MoveTo(ReviewStatus status, DateTimeOffset at)
    {
        EthicsReviewLifecycle.EnsureCanMove(Status, status);
        Status = status;
        StatusChangedAt = at;
        Version = Guid.NewGuid();
        if (status == ReviewStatus.Decided)
        {
            DecidedAt = at;
        }
    }
}

/// <summary>The allowed moves of a review, in one table.</summary>
public static class EthicsReviewLifecycle
{
    private static readonly Dictionary<ReviewStatus, ReviewStatus[]> Moves = new()
    {
        [ReviewStatus.Submitted] = [ReviewStatus.InFormalReview, ReviewStatus.Withdrawn],
        [ReviewStatus.InFormalReview] = [ReviewStatus.ReturnedForRevision, ReviewStatus.InExpeditedReview, ReviewStatus.AwaitingMeeting, ReviewStatus.Decided, ReviewStatus.Withdrawn],
        [ReviewStatus.ReturnedForRevision] = [ReviewStatus.InFormalReview, ReviewStatus.Withdrawn],
        [ReviewStatus.InExpeditedReview] = [ReviewStatus.AwaitingMeeting, ReviewStatus.Decided, ReviewStatus.Withdrawn],
        [ReviewStatus.AwaitingMeeting] = [ReviewStatus.OnAgenda, ReviewStatus.Withdrawn],
        [ReviewStatus.OnAgenda] = [ReviewStatus.Decided, ReviewStatus.AwaitingMeeting, ReviewStatus.Withdrawn],
        [ReviewStatus.Decided] = [],
        [ReviewStatus.Withdrawn] = [],
    };

    /// <summary>Reviews still in the committee's hands (the workspace's pending list).</summary>
    public static readonly IReadOnlySet<ReviewStatus> Pending = new HashSet<ReviewStatus>
    {
        ReviewStatus.Submitted, ReviewStatus.InFormalReview, ReviewStatus.InExpeditedReview, ReviewStatus.AwaitingMeeting, ReviewStatus.OnAgenda,
    };

    public static bool CanMove(ReviewStatus from, ReviewStatus to) => Moves[from].Contains(to);

    public static void EnsureCanMove(ReviewStatus from, ReviewStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new ConflictException($"An ethics review that is {from} cannot become {to}.");
        }
    }
}

/// <summary>A document version under review (protocol, informed consent form, investigator's brochure...), by its id in the project's documents.</summary>
public sealed class ReviewDocument : IAudited
{
    private ReviewDocument() { }

    public ReviewDocument(Guid reviewId, Guid documentVersionId, string documentType)
    {
        Id = Guid.CreateVersion7();
        ReviewId = reviewId;
        DocumentVersionId = documentVersionId;
        DocumentType = documentType;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid DocumentVersionId { get; private set; }

    /// <summary>The checklist's document type (e.g. "protocol", "icf"): the gate asks for the approved versions of these.</summary>
    public string DocumentType { get; private set; } = "";
}

internal sealed class EthicsReviewConfiguration : IEntityTypeConfiguration<EthicsReview>
{
    public void Configure(EntityTypeBuilder<EthicsReview> b)
    {
        b.ToTable("ethics_reviews");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.ProjectId, r.Kind });
        b.HasIndex(r => new { r.CommitteeId, r.Status });
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EthicsCommittee>().WithMany().HasForeignKey(r => r.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Track).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Title).HasMaxLength(EthicsReview.TitleMax).IsRequired();
        b.Property(r => r.Summary).HasMaxLength(EthicsReview.SummaryMax);
        b.Property(r => r.Reference).HasMaxLength(EthicsReview.ReferenceMax);
        b.Property(r => r.SubmittedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Assignments).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewDocumentConfiguration : IEntityTypeConfiguration<ReviewDocument>
{
    public void Configure(EntityTypeBuilder<ReviewDocument> b)
    {
        b.ToTable("ethics_review_documents");
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.ReviewId, d.DocumentVersionId }).IsUnique();
        b.HasOne<Documents.DocumentVersion>().WithMany().HasForeignKey(d => d.DocumentVersionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.DocumentType).HasMaxLength(64).IsRequired();
    }
}
