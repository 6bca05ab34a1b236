using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Ethics.Amendments;

/// <summary>
/// The committee approved a new informed consent version (A01): every subject of the project who consented on an older
/// version must re-consent on this one. The subjects module reads these rows: a subject whose latest signed consent is on
/// a version numbered below <see cref="ConsentVersionNumber"/> of the project's latest requirement is due for re-consent.
/// One row per approved consent version.
/// </summary>
public sealed class ReconsentRequirement : IAudited
{
    public const int ReasonMax = 2000;

    private ReconsentRequirement() { }

    public ReconsentRequirement(Guid projectId, Guid consentVersionId, int consentVersionNumber, Guid reviewId, Guid decisionId, string reason,
        DateTimeOffset flaggedAt)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        ConsentVersionId = consentVersionId;
        ConsentVersionNumber = consentVersionNumber;
        ReviewId = reviewId;
        DecisionId = decisionId;
        Reason = reason;
        FlaggedAt = flaggedAt;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>The newly approved consent form's document version: subjects re-consent on it.</summary>
    public Guid ConsentVersionId { get; private set; }

    /// <summary>Its version number: subjects who consented on a lower number are due.</summary>
    public int ConsentVersionNumber { get; private set; }

    public Guid ReviewId { get; private set; }
    public Guid DecisionId { get; private set; }

    /// <summary>Why: the amendment's reason and what changes.</summary>
    public string Reason { get; private set; } = "";

    public DateTimeOffset FlaggedAt { get; private set; }
}

internal sealed class ReconsentRequirementConfiguration : IEntityTypeConfiguration<ReconsentRequirement>
{
    public void Configure(EntityTypeBuilder<ReconsentRequirement> b)
    {
        b.ToTable("ethics_reconsent_requirements");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.ProjectId, r.ConsentVersionId }).IsUnique();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Documents.DocumentVersion>().WithMany().HasForeignKey(r => r.ConsentVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Model.EthicsReview>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Model.EthicsDecision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Reason).HasMaxLength(ReconsentRequirement.ReasonMax).IsRequired();
    }
}
