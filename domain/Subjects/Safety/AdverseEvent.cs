using Ctms.Domain.Audit;
using Ctms.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Safety;

/// <summary>
/// An adverse event of a subject (O14): the term, the onset, the CTCAE grade, whether it is serious and why, the
/// investigator's causality and the outcome, followed up until it resolves. A serious one (from the start or made serious
/// at a follow-up) starts the 24-hour reporting clock of O15: <see cref="ReportDueAt"/> is 24 hours after the investigator
/// learned of its seriousness.
/// </summary>
public sealed class AdverseEvent : IAudited
{
    public const int TermMax = 200;
    public const int DescriptionMax = 4000;
    public const int CriteriaMax = 1000;

    private AdverseEvent() { }

    public AdverseEvent(Subject subject, int number, string term, DateOnly onsetDate, int grade, Causality causality, AdverseEventOutcome outcome,
        string? description, string recordedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        SubjectId = subject.Id;
        ProjectId = subject.ProjectId;
        Number = number;
        Term = term;
        OnsetDate = onsetDate;
        Grade = grade;
        Causality = causality;
        Outcome = outcome;
        Description = description;
        RecordedBy = recordedBy;
        RecordedAt = at;
        UpdatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>The event's number within the subject (1, 2, ...): "AE 2 of subject ..." without any identifier.</summary>
    public int Number { get; private set; }

    /// <summary>The event's term (MedDRA or CTCAE term).</summary>
    public string Term { get; private set; } = "";
    public DateOnly OnsetDate { get; private set; }

    /// <summary>CTCAE grade 1 (mild) to 5 (death related to the event).</summary>
    public int Grade { get; private set; }
    public bool Serious { get; private set; }

    /// <summary>The seriousness criteria (JSON list of <see cref="AdverseEventTerms.SeriousCriteria"/> codes).</summary>
    public string SeriousCriteria { get; private set; } = "[]";
    public Causality Causality { get; private set; }
    public AdverseEventOutcome Outcome { get; private set; }
    public string? Description { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the investigator learned the event is serious: the 24-hour clock starts here.</summary>
    public DateTimeOffset? SeriousSince { get; private set; }

    /// <summary>When the initial SAE report is due (null for a non-serious event).</summary>
    public DateTimeOffset? ReportDueAt { get; private set; }

    public IReadOnlyList<string> Criteria => JsonColumn.Strings(SeriousCriteria);

    /// <summary>The reference of its SAE reports: no patient identifier, only the protocol, the screening number and the event's number.</summary>
    public static string ReportReference(string protocolNumber, string screeningNumber, int number) => $"SAE {protocolNumber}-{screeningNumber}-{number:00}";

    /// <summary>Makes the event serious with its criteria and starts the reporting clock; false when it already was.</summary>
    public bool MakeSerious(IEnumerable<string> criteria, DateTimeOffset at)
    {
        SeriousCriteria = JsonColumn.Write(criteria.Distinct(StringComparer.Ordinal).ToList());
        if (Serious)
        {
            return false;
        }
        Serious = true;
        SeriousSince = at;
        ReportDueAt = at + AdverseEventTerms.ReportingWindow;
        return true;
    }

    public void FollowUp(AdverseEventOutcome outcome, int? grade, DateTimeOffset at)
    {
        if (AdverseEventTerms.IsResolved(Outcome))
        {
            throw new ConflictException($"AE {Number} is closed ({Outcome}): it takes no more follow-ups.");
        }
        Outcome = outcome;
        Grade = grade ?? Grade;
        UpdatedAt = at;
    }
}

internal sealed class AdverseEventConfiguration : IEntityTypeConfiguration<AdverseEvent>
{
    public void Configure(EntityTypeBuilder<AdverseEvent> b)
    {
        b.ToTable("adverse_events");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.SubjectId, e.Number }).IsUnique();
        b.HasIndex(e => new { e.ProjectId, e.Serious });
        b.HasOne<Subject>().WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Term).HasMaxLength(AdverseEvent.TermMax).IsRequired();
        b.Property(e => e.SeriousCriteria).HasMaxLength(AdverseEvent.CriteriaMax).IsRequired();
        b.Property(e => e.Causality).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.Description).HasMaxLength(AdverseEvent.DescriptionMax);
        b.Property(e => e.RecordedBy).HasMaxLength(Subject.UserNameMax).IsRequired();
        b.Ignore(e => e.Criteria);
    }
}
