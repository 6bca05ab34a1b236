using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Ethics.Model;

/// <summary>
/// A full-board meeting of a committee (P08): its date, its agenda of reviews, who attended, whether the quorum was met,
/// and its minutes, drafted from the votes and the discussion notes.
/// </summary>
public sealed class EthicsMeeting : IAudited
{
    public const int LocationMax = 200;
    public const int MinutesMax = 20000;

    private EthicsMeeting() { }

    public EthicsMeeting(Guid committeeId, DateTimeOffset scheduledAt, string? location, string createdBy, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        CommitteeId = committeeId;
        ScheduledAt = scheduledAt;
        Location = location;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        Status = MeetingStatus.Planned;
    }

    public Guid Id { get; private set; }
    public Guid CommitteeId { get; private set; }
    public DateTimeOffset ScheduledAt { get; internal set; }
    public string? Location { get; internal set; }
    public MeetingStatus Status { get; internal set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? OpenedAt { get; internal set; }
    public DateTimeOffset? ClosedAt { get; internal set; }

    /// <summary>Whether the attendance met the committee's quorum rule when the meeting was opened; null before.</summary>
    public bool? QuorumMet { get; internal set; }

    public string? Minutes { get; internal set; }

    public Guid Version { get; internal set; } = Guid.NewGuid();

    public List<MeetingItem> Items { get; private set; } = [];
    public List<MeetingAttendance> Attendance { get; private set; } = [];
}

/// <summary>A member's attendance at a meeting, as the secretary records it.</summary>
public sealed class MeetingAttendance : IAudited
{
    private MeetingAttendance() { }

    public MeetingAttendance(Guid meetingId, Guid memberId, bool present, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        MeetingId = meetingId;
        MemberId = memberId;
        Present = present;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid MemberId { get; private set; }
    public bool Present { get; internal set; }
    public DateTimeOffset RecordedAt { get; internal set; }
}

internal sealed class EthicsMeetingConfiguration : IEntityTypeConfiguration<EthicsMeeting>
{
    public void Configure(EntityTypeBuilder<EthicsMeeting> b)
    {
        b.ToTable("ethics_meetings");
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.CommitteeId, m.ScheduledAt });
        b.HasOne<EthicsCommittee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(m => m.Location).HasMaxLength(EthicsMeeting.LocationMax);
        b.Property(m => m.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(m => m.Minutes).HasMaxLength(EthicsMeeting.MinutesMax);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.ToTable("ethics_meeting_attendance");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.MeetingId, a.MemberId }).IsUnique();
        b.HasOne<CommitteeMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
