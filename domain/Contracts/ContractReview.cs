using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Contracts;

/// <summary>
/// One reviewer's decision: on a review round of the contract (P10: cti-secretary, finance-officer, pi) or on an
/// amendment (A07: finance-officer, then cti-director).
/// </summary>
public sealed class ContractReview : IAudited
{
    public const int CommentMax = 2000;

    private ContractReview() { }

    internal ContractReview(Guid contractId, Guid? amendmentId, int round, string reviewerRole, string reviewerUserName,
        ReviewDecision decision, string? comment, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ContractId = contractId;
        AmendmentId = amendmentId;
        Round = round;
        ReviewerRole = reviewerRole;
        ReviewerUserName = reviewerUserName;
        Decision = decision;
        Comment = comment;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }

    /// <summary>The amendment reviewed; null for a review of the contract itself.</summary>
    public Guid? AmendmentId { get; private set; }

    /// <summary>The review round (each submission, or each proposal of an amendment, opens one).</summary>
    public int Round { get; private set; }

    /// <summary>The role the reviewer acted in: cti-secretary, finance-officer, pi or cti-director.</summary>
    public string ReviewerRole { get; private set; } = "";

    public string ReviewerUserName { get; private set; } = "";
    public ReviewDecision Decision { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset At { get; private set; }
}

internal sealed class ContractReviewConfiguration : IEntityTypeConfiguration<ContractReview>
{
    public void Configure(EntityTypeBuilder<ContractReview> b)
    {
        b.ToTable("contract_reviews");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.ContractId, r.AmendmentId, r.Round, r.ReviewerRole }).IsUnique();
        b.Property(r => r.ReviewerRole).HasMaxLength(32).IsRequired();
        b.Property(r => r.ReviewerUserName).HasMaxLength(256).IsRequired();
        b.Property(r => r.Decision).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Comment).HasMaxLength(ContractReview.CommentMax);
    }
}
