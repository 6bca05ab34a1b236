using Ctms.Domain.Audit;
using Ctms.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.KickOff;

/// <summary>
/// The initiation meeting of a contracted study (P12): when and where, its minutes, and the PI's sign-off that opens
/// enrollment. One per project.
/// </summary>
public sealed class KickOffMeeting : IAudited
{
    public const int LocationMax = 500;
    public const int MinutesMax = 20_000;
    public const int UserNameMax = 256;

    private KickOffMeeting() { }

    public KickOffMeeting(Guid projectId, DateTimeOffset scheduledAt, string location, string plannedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        ScheduledAt = scheduledAt;
        Location = location;
        Status = KickOffStatus.Planned;
        PlannedBy = plannedBy;
        PlannedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public DateTimeOffset ScheduledAt { get; private set; }

    /// <summary>The room, or the link of an online meeting.</summary>
    public string Location { get; private set; } = "";

    public KickOffStatus Status { get; private set; }
    public string PlannedBy { get; private set; } = "";
    public DateTimeOffset PlannedAt { get; private set; }

    /// <summary>The minutes as text; the signed scan may be a document of the project (<see cref="MinutesDocumentId"/>).</summary>
    public string? Minutes { get; private set; }

    public Guid? MinutesDocumentId { get; private set; }
    public string? MinutesRecordedBy { get; private set; }
    public DateTimeOffset? MinutesRecordedAt { get; private set; }
    public string? SignedOffBy { get; private set; }
    public DateTimeOffset? SignedOffAt { get; private set; }

    public void Reschedule(DateTimeOffset scheduledAt, string location)
    {
        EnsureOpen();
        ScheduledAt = scheduledAt;
        Location = location;
    }

    /// <summary>Records (or corrects, after a refused sign-off) the minutes; the meeting is then held.</summary>
    public void RecordMinutes(string minutes, Guid? documentId, string by, DateTimeOffset at)
    {
        EnsureOpen();
        Minutes = minutes;
        MinutesDocumentId = documentId;
        MinutesRecordedBy = by;
        MinutesRecordedAt = at;
        Status = KickOffStatus.Held;
    }

    public void SignOff(string by, DateTimeOffset at)
    {
        EnsureOpen();
        SignedOffBy = by;
        SignedOffAt = at;
        Status = KickOffStatus.SignedOff;
    }

    /// <summary>A signed-off meeting is a record: nothing of it changes any more.</summary>
    public void EnsureOpen()
    {
        if (Status == KickOffStatus.SignedOff)
        {
            throw new ConflictException($"The kick-off meeting was signed off by {SignedOffBy}; it can no longer change.");
        }
    }
}

internal sealed class KickOffMeetingConfiguration : IEntityTypeConfiguration<KickOffMeeting>
{
    public void Configure(EntityTypeBuilder<KickOffMeeting> b)
    {
        b.ToTable("kickoff_meetings");
        b.HasKey(m => m.Id);
        b.HasIndex(m => m.ProjectId).IsUnique();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Location).HasMaxLength(KickOffMeeting.LocationMax).IsRequired();
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.PlannedBy).HasMaxLength(KickOffMeeting.UserNameMax).IsRequired();
        b.Property(m => m.Minutes).HasMaxLength(KickOffMeeting.MinutesMax);
        b.Property(m => m.MinutesRecordedBy).HasMaxLength(KickOffMeeting.UserNameMax);
        b.Property(m => m.SignedOffBy).HasMaxLength(KickOffMeeting.UserNameMax);
    }
}
