using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Protocol;

/// <summary>What a visit's day is counted from.</summary>
public enum VisitReference
{
    /// <summary>The day of the (first) informed consent: screening visits.</summary>
    Consent,

    /// <summary>The day of randomization (day 0 of treatment).</summary>
    Randomization,

    /// <summary>The actual day of the previous visit in the schedule.</summary>
    PreviousVisit,
}

/// <summary>
/// A visit of the protocol (O02): its place in the schedule, its day (an offset from a reference), its window (the
/// days it may come early or late) and its content: the exams to order (order codes of the hospital's dictionary),
/// whether study drug is dispensed, the e-CRF pages to fill and the fees it triggers. A subject's schedule is computed
/// from these when the subject is enrolled (<see cref="VisitScheduleRules"/>).
/// </summary>
public sealed class VisitDefinition : IAudited
{
    public const int CodeMax = 32;
    public const int NameMax = 200;
    public const int ContentMax = 4000;

    private VisitDefinition() { }

    public VisitDefinition(Guid projectId, string code, string name, int sequence, VisitReference reference, int offsetDays, int windowBeforeDays,
        int windowAfterDays)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Code = code;
        Name = name;
        Sequence = sequence;
        Reference = reference;
        OffsetDays = offsetDays;
        WindowBeforeDays = windowBeforeDays;
        WindowAfterDays = windowAfterDays;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The visit's place in the schedule (1, 2, ...): "the previous visit" is the one before it.</summary>
    public int Sequence { get; private set; }
    public VisitReference Reference { get; private set; }

    /// <summary>Days after the reference day (may be negative for screening before randomization).</summary>
    public int OffsetDays { get; private set; }

    /// <summary>The window: the visit may happen this many days before its target day ...</summary>
    public int WindowBeforeDays { get; private set; }

    /// <summary>... or this many days after it.</summary>
    public int WindowAfterDays { get; private set; }

    /// <summary>Exam and lab order codes (JSON list), ordered through the hospital port at the visit.</summary>
    public string Exams { get; private set; } = "[]";

    /// <summary>Whether study drug is dispensed at this visit.</summary>
    public bool Dispensing { get; private set; }

    /// <summary>The e-CRF page codes (JSON list) filled at this visit.</summary>
    public string EcrfPages { get; private set; } = "[]";

    /// <summary>Fee codes (JSON list) the visit triggers (finance).</summary>
    public string Fees { get; private set; } = "[]";

    public IReadOnlyList<string> ExamCodes => JsonColumn.Strings(Exams);
    public IReadOnlyList<string> EcrfPageCodes => JsonColumn.Strings(EcrfPages);
    public IReadOnlyList<string> FeeCodes => JsonColumn.Strings(Fees);

    public void Update(string name, int sequence, VisitReference reference, int offsetDays, int windowBeforeDays, int windowAfterDays)
    {
        Name = name;
        Sequence = sequence;
        Reference = reference;
        OffsetDays = offsetDays;
        WindowBeforeDays = windowBeforeDays;
        WindowAfterDays = windowAfterDays;
    }

    public void SetContent(IEnumerable<string> exams, bool dispensing, IEnumerable<string> ecrfPages, IEnumerable<string> fees)
    {
        Exams = JsonColumn.Write(exams.ToList());
        Dispensing = dispensing;
        EcrfPages = JsonColumn.Write(ecrfPages.ToList());
        Fees = JsonColumn.Write(fees.ToList());
    }
}

internal sealed class VisitDefinitionConfiguration : IEntityTypeConfiguration<VisitDefinition>
{
    public void Configure(EntityTypeBuilder<VisitDefinition> b)
    {
        b.ToTable("visit_definitions");
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.ProjectId, v.Code }).IsUnique();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(v => v.Code).HasMaxLength(VisitDefinition.CodeMax).IsRequired();
        b.Property(v => v.Name).HasMaxLength(VisitDefinition.NameMax).IsRequired();
        b.Property(v => v.Reference).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Exams).HasMaxLength(VisitDefinition.ContentMax).IsRequired();
        b.Property(v => v.EcrfPages).HasMaxLength(VisitDefinition.ContentMax).IsRequired();
        b.Property(v => v.Fees).HasMaxLength(VisitDefinition.ContentMax).IsRequired();
        b.Ignore(v => v.ExamCodes);
        b.Ignore(v => v.EcrfPageCodes);
        b.Ignore(v => v.FeeCodes);
    }
}
