using Ctms.Domain.Audit;
using Ctms.Domain.Subjects.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Visits;

/// <summary>Where a visit of a subject's schedule stands.</summary>
public enum SubjectVisitStatus
{
    /// <summary>In the schedule; its window has not opened yet (or is not known yet).</summary>
    Planned,

    /// <summary>Its window is open: the to-do list is with the site (O11).</summary>
    Open,

    /// <summary>The visit took place (in or out of its window).</summary>
    Done,

    /// <summary>The window closed without the visit.</summary>
    Missed,

    /// <summary>The subject left the study before the visit.</summary>
    Cancelled,
}

/// <summary>
/// One visit of one subject's schedule, materialised from the protocol's <see cref="VisitDefinition"/> when the subject is
/// on study (<see cref="SubjectSchedule"/>). Its target day and window follow the facts (consent, randomization, the
/// previous visit) until it is done; then they stay as they were on the day, so an out-of-window visit stays visible.
/// </summary>
public sealed class SubjectVisit : IAudited
{
    public const int NotesMax = 2000;

    private SubjectVisit() { }

    public SubjectVisit(Guid subjectId, Guid projectId, string code, string name, int sequence)
    {
        Id = Guid.CreateVersion7();
        SubjectId = subjectId;
        ProjectId = projectId;
        Code = code;
        Name = name;
        Sequence = sequence;
        Status = SubjectVisitStatus.Planned;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Sequence { get; private set; }
    public DateOnly? Target { get; private set; }
    public DateOnly? WindowStart { get; private set; }
    public DateOnly? WindowEnd { get; private set; }
    public SubjectVisitStatus Status { get; private set; }
    public DateOnly? ActualDate { get; private set; }
    public bool OutOfWindow { get; private set; }
    public string? Notes { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTimeOffset? RecordedAt { get; private set; }

    /// <summary>Whether the visit's to-do process (O11) was started for it.</summary>
    public bool ProcessStarted { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsPending => Status is SubjectVisitStatus.Planned or SubjectVisitStatus.Open;

    /// <summary>Takes the dates of the schedule as the facts give them now; a visit no longer pending keeps its dates.</summary>
    public bool Replan(PlannedVisit planned)
    {
        if (!IsPending || (Target == planned.Target && WindowStart == planned.WindowStart && WindowEnd == planned.WindowEnd))
        {
            return false;
        }
        Target = planned.Target;
        WindowStart = planned.WindowStart;
        WindowEnd = planned.WindowEnd;
        Touch();
        return true;
    }

    public void Open()
    {
        if (Status == SubjectVisitStatus.Planned)
        {
            Status = SubjectVisitStatus.Open;
            Touch();
        }
    }

    /// <summary>Records the visit on <paramref name="actualDate"/>; returns whether it lay outside the window.</summary>
    public bool Record(DateOnly actualDate, string? notes, string by, DateTimeOffset at)
    {
        if (Status is SubjectVisitStatus.Cancelled)
        {
            throw new Common.ConflictException($"Visit {Code} was cancelled when the subject left the study.");
        }
        OutOfWindow = !(WindowStart is { } start && WindowEnd is { } end && actualDate >= start && actualDate <= end);
        Status = SubjectVisitStatus.Done;
        ActualDate = actualDate;
        Notes = notes;
        RecordedBy = by;
        RecordedAt = at;
        Touch();
        return OutOfWindow;
    }

    /// <summary>The window closed without the visit; returns false when the visit was no longer pending.</summary>
    public bool Miss()
    {
        if (!IsPending)
        {
            return false;
        }
        Status = SubjectVisitStatus.Missed;
        Touch();
        return true;
    }

    public bool Cancel()
    {
        if (!IsPending)
        {
            return false;
        }
        Status = SubjectVisitStatus.Cancelled;
        Touch();
        return true;
    }

    public void MarkProcessStarted()
    {
        ProcessStarted = true;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}

internal sealed class SubjectVisitConfiguration : IEntityTypeConfiguration<SubjectVisit>
{
    public void Configure(EntityTypeBuilder<SubjectVisit> b)
    {
        b.ToTable("subject_visits");
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.SubjectId, v.Code }).IsUnique();
        b.HasIndex(v => new { v.ProjectId, v.Status });
        b.HasOne<Subject>().WithMany().HasForeignKey(v => v.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(v => v.Code).HasMaxLength(VisitDefinition.CodeMax).IsRequired();
        b.Property(v => v.Name).HasMaxLength(VisitDefinition.NameMax).IsRequired();
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Notes).HasMaxLength(SubjectVisit.NotesMax);
        b.Property(v => v.RecordedBy).HasMaxLength(Subject.UserNameMax);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.Ignore(v => v.IsPending);
    }
}
