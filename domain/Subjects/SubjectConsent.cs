using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects;

public enum ConsentKind
{
    /// <summary>The first consent, before any study procedure.</summary>
    Initial,

    /// <summary>A new ICF version was approved (A01): the subject consents again on it.</summary>
    Reconsent,
}

/// <summary>
/// A signed informed consent (O07): the ICF document version the ethics committee approved, the day it was signed, who
/// obtained it and the witness (when the subject cannot read). Never changed; a re-consent is a new row.
/// </summary>
public sealed class SubjectConsent : IAudited
{
    public const int NameMax = 256;

    private SubjectConsent() { }

    public SubjectConsent(Guid subjectId, Guid projectId, Guid consentVersionId, int versionNumber, DateOnly signedOn, string obtainedBy,
        string? witness, ConsentKind kind, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        SubjectId = subjectId;
        ProjectId = projectId;
        ConsentVersionId = consentVersionId;
        VersionNumber = versionNumber;
        SignedOn = signedOn;
        ObtainedBy = obtainedBy;
        Witness = witness;
        Kind = kind;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>The ICF's document version (code <c>icf</c>) signed.</summary>
    public Guid ConsentVersionId { get; private set; }
    public int VersionNumber { get; private set; }
    public DateOnly SignedOn { get; private set; }

    /// <summary>The investigator who obtained the consent (user name).</summary>
    public string ObtainedBy { get; private set; } = "";

    /// <summary>The impartial witness's name, when one was needed.</summary>
    public string? Witness { get; private set; }
    public ConsentKind Kind { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

internal sealed class SubjectConsentConfiguration : IEntityTypeConfiguration<SubjectConsent>
{
    public void Configure(EntityTypeBuilder<SubjectConsent> b)
    {
        b.ToTable("subject_consents");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.SubjectId);
        b.HasOne<Subject>().WithMany().HasForeignKey(c => c.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Documents.DocumentVersion>().WithMany().HasForeignKey(c => c.ConsentVersionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.ObtainedBy).HasMaxLength(SubjectConsent.NameMax).IsRequired();
        b.Property(c => c.Witness).HasMaxLength(SubjectConsent.NameMax);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
