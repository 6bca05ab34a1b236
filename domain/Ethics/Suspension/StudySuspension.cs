using Ctms.Domain.Audit;
using Ctms.Domain.Projects;
using Ctms.Domain.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Ethics.Suspension;

/// <summary>What an A08 request asks of the ethics committee for a study.</summary>
public enum SuspensionAction
{
    /// <summary>Stop the study for now: no enrollment, the running work waits.</summary>
    Suspend,

    /// <summary>End the study: the running work is cancelled; only its close-out remains.</summary>
    Terminate,

    /// <summary>Lift a suspension: the study goes back to where it was.</summary>
    Resume,
}

public enum SuspensionStatus
{
    /// <summary>Waiting for the EC chair's signed decision.</summary>
    Requested,

    /// <summary>The chair signed it and the project moved.</summary>
    Decided,

    /// <summary>The chair signed a refusal; the project did not move.</summary>
    Declined,
}

/// <summary>
/// A request to suspend, terminate or resume a study (A08) and the EC chair's signed decision on it. The project's state
/// before the move is kept, so a resumption returns the study to it (Approved, Contracted, Enrolling or Closing).
/// </summary>
public sealed class StudySuspension : IAudited, ISignable
{
    public const int ReasonMax = 2000;

    private StudySuspension() { }

    public StudySuspension(Guid projectId, SuspensionAction action, string reason, string requestedBy, DateTimeOffset requestedAt)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Action = action;
        Reason = reason;
        RequestedBy = requestedBy;
        RequestedAt = requestedAt;
        Status = SuspensionStatus.Requested;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public SuspensionAction Action { get; private set; }
    public string Reason { get; private set; } = "";
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public SuspensionStatus Status { get; private set; }

    /// <summary>The project's state when the chair decided, and the one it moved to (the same when declined).</summary>
    public ProjectStatus? StatusBefore { get; private set; }

    public ProjectStatus? StatusAfter { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? ChairNote { get; private set; }
    public int Version { get; private set; }

    internal void Decide(bool confirmed, ProjectStatus before, ProjectStatus after, string? note, string decidedBy, DateTimeOffset at)
    {
        Status = confirmed ? SuspensionStatus.Decided : SuspensionStatus.Declined;
        StatusBefore = before;
        StatusAfter = after;
        ChairNote = note;
        DecidedBy = decidedBy;
        DecidedAt = at;
        Version++;
    }

    public string SignatureRecordType => "study-suspension";
    public string SignatureRecordId => Id.ToString();

    public string SignedContent() => Signatures.SignedContent.Of(SignatureRecordType,
        ("project", ProjectId.ToString()), ("action", Action), ("reason", Reason), ("requested-by", RequestedBy), ("requested-at", RequestedAt),
        ("status", Status), ("status-before", StatusBefore), ("status-after", StatusAfter), ("chair-note", ChairNote),
        ("decided-by", DecidedBy), ("decided-at", DecidedAt));
}

internal sealed class StudySuspensionConfiguration : IEntityTypeConfiguration<StudySuspension>
{
    public void Configure(EntityTypeBuilder<StudySuspension> b)
    {
        b.ToTable("study_suspensions");
        b.HasKey(s => s.Id);
        b.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.ProjectId, s.RequestedAt });
        b.Property(s => s.Action).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.StatusBefore).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.StatusAfter).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.Reason).HasMaxLength(StudySuspension.ReasonMax).IsRequired();
        b.Property(s => s.ChairNote).HasMaxLength(StudySuspension.ReasonMax);
        b.Property(s => s.RequestedBy).HasMaxLength(256).IsRequired();
        b.Property(s => s.DecidedBy).HasMaxLength(256);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
