using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.KickOff;

/// <summary>
/// Someone invited to the kick-off meeting: a user of the system (a study-team member, the sponsor's monitor) or an
/// external person by name; whether they confirmed and whether they attended.
/// </summary>
public sealed class KickOffParticipant : IAudited
{
    public const int NameMax = 256;
    public const int RoleMax = 100;
    public const int AffiliationMax = 200;

    private KickOffParticipant() { }

    public KickOffParticipant(Guid meetingId, Guid projectId, string? userName, string displayName, string role, string? affiliation)
    {
        Id = Guid.CreateVersion7();
        MeetingId = meetingId;
        ProjectId = projectId;
        UserName = userName;
        DisplayName = displayName;
        Role = role;
        Affiliation = affiliation;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>The user's name when the participant is a user; null for an external participant.</summary>
    public string? UserName { get; private set; }

    public string DisplayName { get; private set; } = "";

    /// <summary>Their role at the meeting (a project role such as pi or cra, or a free text such as "sponsor's medical monitor").</summary>
    public string Role { get; private set; } = "";

    public string? Affiliation { get; private set; }

    /// <summary>They confirmed that they will attend (the CRA confirms the monitor's attendance in P12).</summary>
    public bool Confirmed { get; private set; }

    /// <summary>Recorded after the meeting; null until then.</summary>
    public bool? Attended { get; private set; }

    public void Confirm(string? affiliation)
    {
        Confirmed = true;
        Affiliation = affiliation ?? Affiliation;
    }

    public void RecordAttendance(bool attended) => Attended = attended;
}

internal sealed class KickOffParticipantConfiguration : IEntityTypeConfiguration<KickOffParticipant>
{
    public void Configure(EntityTypeBuilder<KickOffParticipant> b)
    {
        b.ToTable("kickoff_participants");
        b.HasKey(p => p.Id);
        b.HasOne<KickOffMeeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.ProjectId);
        b.HasIndex(p => new { p.MeetingId, p.UserName }).IsUnique();
        b.Property(p => p.UserName).HasMaxLength(KickOffParticipant.NameMax);
        b.Property(p => p.DisplayName).HasMaxLength(KickOffParticipant.NameMax).IsRequired();
        b.Property(p => p.Role).HasMaxLength(KickOffParticipant.RoleMax).IsRequired();
        b.Property(p => p.Affiliation).HasMaxLength(KickOffParticipant.AffiliationMax);
    }
}
