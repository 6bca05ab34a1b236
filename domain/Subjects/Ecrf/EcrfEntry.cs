using Ctms.Domain.Audit;
using Ctms.Domain.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Ecrf;

/// <summary>Where an e-CRF page of a visit stands.</summary>
public enum EcrfEntryStatus
{
    /// <summary>Entered (or corrected) and not signed since.</summary>
    Entered,

    /// <summary>A query is open on it: it cannot be signed.</summary>
    Queried,

    /// <summary>The investigator signed its data; a change breaks the signature and brings it back to Entered.</summary>
    Signed,
}

/// <summary>
/// The data of one e-CRF page at one visit of one subject (O13): the page version it was entered on and the data as the
/// form kept it (JSON). Every change is audited; a change of saved data carries a reason. The investigator's sign-off is
/// an electronic signature over this record's content (<see cref="ISignable"/>), so a change after signing shows the
/// signature broken.
/// </summary>
public sealed class EcrfEntry : IAudited, ISignable
{
    public const string RecordType = "ecrf-entry";
    public const string SignatureMeaning = "I confirm this page's data";
    public const int DataMax = 200_000;

    private EcrfEntry() { }

    public EcrfEntry(Guid projectId, Guid subjectId, Guid visitId, string visitCode, string pageCode, int pageVersion, string data, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        SubjectId = subjectId;
        VisitId = visitId;
        VisitCode = visitCode;
        PageCode = pageCode;
        PageVersion = pageVersion;
        Data = data;
        EnteredBy = by;
        EnteredAt = at;
        UpdatedBy = by;
        UpdatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid? VisitId { get; private set; }
    public string VisitCode { get; private set; } = "";
    public string PageCode { get; private set; } = "";
    public int PageVersion { get; private set; }

    /// <summary>The page's data, a JSON object of the form's fields.</summary>
    public string Data { get; private set; } = "{}";
    public string EnteredBy { get; private set; } = "";
    public DateTimeOffset EnteredAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the data was last signed; cleared by a change of the data.</summary>
    public DateTimeOffset? SignedAt { get; private set; }
    public string? SignedBy { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Replaces the data; returns false when nothing changed. A change after sign-off needs signing again.</summary>
    public bool Change(string data, int pageVersion, string by, DateTimeOffset at)
    {
        if (data == Data && pageVersion == PageVersion)
        {
            return false;
        }
        Data = data;
        PageVersion = pageVersion;
        UpdatedBy = by;
        UpdatedAt = at;
        SignedAt = null;
        SignedBy = null;
        Version = Guid.NewGuid();
        return true;
    }

    public void MarkSigned(string by, DateTimeOffset at)
    {
        SignedAt = at;
        SignedBy = by;
        Version = Guid.NewGuid();
    }

    public string SignatureRecordType => RecordType;
    public string SignatureRecordId => Id.ToString();

    public string SignedContent() => Signatures.SignedContent.Of(RecordType, ("id", Id), ("subject", SubjectId), ("visit", VisitCode),
        ("page", PageCode), ("pageVersion", PageVersion), ("data", Data));
}

internal sealed class EcrfEntryConfiguration : IEntityTypeConfiguration<EcrfEntry>
{
    public void Configure(EntityTypeBuilder<EcrfEntry> b)
    {
        b.ToTable("ecrf_entries");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.SubjectId, e.VisitCode, e.PageCode }).IsUnique();
        b.HasIndex(e => e.VisitId);
        b.HasOne<Subject>().WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Visits.SubjectVisit>().WithMany().HasForeignKey(e => e.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.VisitCode).HasMaxLength(Protocol.VisitDefinition.CodeMax).IsRequired();
        b.Property(e => e.PageCode).HasMaxLength(Protocol.EcrfPage.CodeMax).IsRequired();
        b.Property(e => e.Data).HasMaxLength(EcrfEntry.DataMax).IsRequired();
        b.Property(e => e.EnteredBy).HasMaxLength(Subject.UserNameMax).IsRequired();
        b.Property(e => e.UpdatedBy).HasMaxLength(Subject.UserNameMax).IsRequired();
        b.Property(e => e.SignedBy).HasMaxLength(Subject.UserNameMax);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.SignatureRecordType);
        b.Ignore(e => e.SignatureRecordId);
    }
}
