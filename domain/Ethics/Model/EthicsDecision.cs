using Ctms.Domain.Audit;
using Ctms.Domain.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Ethics.Model;

/// <summary>
/// The committee's decision on a review (P09), signed by the chair: the outcome, its conditions, and for an approval how
/// long it lasts before the continuing review. The letter sent to the applicant is rendered from it.
/// </summary>
public sealed class EthicsDecision : IAudited, ISignable
{
    public const int ConditionsMax = 4000;

    private EthicsDecision() { }

    public EthicsDecision(Guid reviewId, Guid projectId, EthicsOutcome outcome, string? conditions, string decidedBy, DateTimeOffset decidedAt,
        DateTimeOffset? validUntil)
    {
        Id = Guid.CreateVersion7();
        ReviewId = reviewId;
        ProjectId = projectId;
        Outcome = outcome;
        Conditions = conditions;
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
        ValidUntil = validUntil;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public Guid ProjectId { get; private set; }
    public EthicsOutcome Outcome { get; private set; }
    public string? Conditions { get; private set; }
    public string DecidedBy { get; private set; } = "";
    public DateTimeOffset DecidedAt { get; private set; }

    /// <summary>For an approval: the end of its validity, when the continuing review is due (the gate closes after it).</summary>
    public DateTimeOffset? ValidUntil { get; internal set; }

    /// <summary>The letter's document version in the project's documents, once rendered.</summary>
    public Guid? LetterDocumentVersionId { get; internal set; }

    public bool Approves => Outcome is EthicsOutcome.Approve or EthicsOutcome.ApproveWithModifications;

    public string SignatureRecordType => "ethics-decision";
    public string SignatureRecordId => Id.ToString();

    public string SignedContent() => Signatures.SignedContent.Of(SignatureRecordType,
        ("review", ReviewId.ToString()), ("project", ProjectId.ToString()), ("outcome", Outcome), ("conditions", Conditions),
        ("decided-by", DecidedBy), ("decided-at", DecidedAt), ("valid-until", ValidUntil));
}

internal sealed class EthicsDecisionConfiguration : IEntityTypeConfiguration<EthicsDecision>
{
    public void Configure(EntityTypeBuilder<EthicsDecision> b)
    {
        b.ToTable("ethics_decisions");
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.ReviewId).IsUnique();
        b.HasIndex(d => new { d.ProjectId, d.DecidedAt });
        b.HasOne<EthicsReview>().WithMany().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.Conditions).HasMaxLength(EthicsDecision.ConditionsMax);
        b.Property(d => d.DecidedBy).HasMaxLength(256).IsRequired();
        b.Ignore(d => d.Approves);
    }
}
