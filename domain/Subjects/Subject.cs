using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects;

/// <summary>
/// A patient of the registry taken into a study as a subject: from screening to the end of the study. The subject is
/// shown as protocol number + screening number + initials (<see cref="SubjectLabel"/>); the patient's identifiers stay in
/// the registry. Every change is audited; <see cref="Version"/> is the optimistic lock that lets only one of two
/// simultaneous changes (two randomizations, two enrollments) commit.
/// </summary>
public sealed class Subject : IAudited
{
    public const int NumberMax = 64;
    public const int ReasonMax = 2000;
    public const int UserNameMax = 256;

    private Subject() { }

    public Subject(Guid projectId, Guid patientId, string initials, string screeningNumber, string createdBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        PatientId = patientId;
        Initials = initials;
        ScreeningNumber = screeningNumber;
        Status = SubjectStatus.Screening;
        StatusChangedAt = at;
        CreatedAt = at;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>The registry's patient (<see cref="Integration.Privacy.RegisteredPatient"/>): no identifier is kept here.</summary>
    public Guid PatientId { get; private set; }

    /// <summary>The patient's initials, as the registry has them.</summary>
    public string Initials { get; private set; } = "";

    /// <summary>Given when screening starts, from the project's screening number rule.</summary>
    public string ScreeningNumber { get; private set; } = "";

    /// <summary>Given at enrollment, from the project's subject number rule.</summary>
    public string? SubjectNumber { get; private set; }

    public SubjectStatus Status { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    /// <summary>When the subject last signed a consent, and on which version number of the ICF.</summary>
    public DateTimeOffset? ConsentedAt { get; private set; }
    public int? ConsentVersionNumber { get; private set; }

    /// <summary>The outcome of the last eligibility assessment (null before one).</summary>
    public bool? Eligible { get; private set; }
    public DateTimeOffset? EligibilityAssessedAt { get; private set; }

    /// <summary>Why the subject failed screening (the failing criteria, or the investigator's reason).</summary>
    public string? ScreenFailureReason { get; private set; }

    public DateTimeOffset? EnrolledAt { get; private set; }
    public string? EnrolledBy { get; private set; }

    /// <summary>The published visit schedule version the subject's visits were computed from.</summary>
    public int? ScheduleVersion { get; private set; }

    /// <summary>When the subject was randomized: the reference day of visits counted from randomization.</summary>
    public DateTimeOffset? RandomizedAt { get; private set; }

    /// <summary>Whether the subject is on the ward now (phase I, O17).</summary>
    public bool Admitted { get; private set; }

    /// <summary>The optimistic lock: a new value at every change.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>
    /// Moves the subject to <paramref name="next"/> if the life cycle allows it, and returns the history row to add.
    /// </summary>
    public SubjectStatusChange MoveTo(SubjectStatus next, DateTimeOffset at, string by, string? reason)
    {
        SubjectLifecycle.EnsureCanMove(Status, next);
        var change = new SubjectStatusChange(Id, ProjectId, Status, next, reason, by, at);
        Status = next;
        StatusChangedAt = at;
        if (next == SubjectStatus.ScreenFailed)
        {
            ScreenFailureReason = reason;
        }
        Touch();
        return change;
    }

    public void RecordConsent(int versionNumber, DateTimeOffset at)
    {
        ConsentedAt = at;
        ConsentVersionNumber = versionNumber;
        Touch();
    }

    public void RecordEligibility(bool eligible, DateTimeOffset at)
    {
        Eligible = eligible;
        EligibilityAssessedAt = at;
        Touch();
    }

    /// <summary>Enrolls the subject (O09): the subject number, the schedule version and the move to Enrolled.</summary>
    public SubjectStatusChange Enroll(string subjectNumber, int? scheduleVersion, string by, DateTimeOffset at)
    {
        var change = MoveTo(SubjectStatus.Enrolled, at, by, null);
        SubjectNumber = subjectNumber;
        ScheduleVersion = scheduleVersion;
        EnrolledAt = at;
        EnrolledBy = by;
        return change;
    }

    /// <summary>Records the randomization (O10) and moves the subject to Randomized.</summary>
    public SubjectStatusChange MarkRandomized(string by, DateTimeOffset at)
    {
        var change = MoveTo(SubjectStatus.Randomized, at, by, null);
        RandomizedAt = at;
        return change;
    }

    public void SetAdmitted(bool admitted)
    {
        Admitted = admitted;
        Touch();
    }

    public void SetScheduleVersion(int? version)
    {
        ScheduleVersion = version;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> b)
    {
        b.ToTable("subjects");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.ProjectId, s.ScreeningNumber }).IsUnique();
        b.HasIndex(s => new { s.ProjectId, s.SubjectNumber }).IsUnique();
        b.HasIndex(s => new { s.PatientId, s.Status });
        b.HasIndex(s => new { s.ProjectId, s.Status });
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Integration.Privacy.RegisteredPatient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Initials).HasMaxLength(Integration.Privacy.RegisteredPatient.InitialsMax).IsRequired();
        b.Property(s => s.ScreeningNumber).HasMaxLength(Subject.NumberMax).IsRequired();
        b.Property(s => s.SubjectNumber).HasMaxLength(Subject.NumberMax);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.CreatedBy).HasMaxLength(Subject.UserNameMax).IsRequired();
        b.Property(s => s.EnrolledBy).HasMaxLength(Subject.UserNameMax);
        b.Property(s => s.ScreenFailureReason).HasMaxLength(Subject.ReasonMax);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

/// <summary>One move of a subject's status, with who, when and why: the history the subject page and the statistics read.</summary>
public sealed class SubjectStatusChange : IAudited
{
    private SubjectStatusChange() { }

    public SubjectStatusChange(Guid subjectId, Guid projectId, SubjectStatus from, SubjectStatus to, string? reason, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        SubjectId = subjectId;
        ProjectId = projectId;
        From = from;
        To = to;
        Reason = reason;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid ProjectId { get; private set; }
    public SubjectStatus From { get; private set; }
    public SubjectStatus To { get; private set; }
    public string? Reason { get; private set; }
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}

internal sealed class SubjectStatusChangeConfiguration : IEntityTypeConfiguration<SubjectStatusChange>
{
    public void Configure(EntityTypeBuilder<SubjectStatusChange> b)
    {
        b.ToTable("subject_status_changes");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.SubjectId);
        b.HasIndex(c => new { c.ProjectId, c.To });
        b.HasOne<Subject>().WithMany().HasForeignKey(c => c.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.From).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.To).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Reason).HasMaxLength(Subject.ReasonMax);
        b.Property(c => c.By).HasMaxLength(Subject.UserNameMax).IsRequired();
    }
}

/// <summary>How a subject is shown everywhere: protocol number, screening number and initials ("ABC-001 S003 Z.S.").</summary>
public static class SubjectLabel
{
    public static string Of(string protocolNumber, string screeningNumber, string initials) => $"{protocolNumber} {screeningNumber} {initials}";
}
