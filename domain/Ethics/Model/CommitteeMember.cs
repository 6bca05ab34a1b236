using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Ethics.Model;

/// <summary>
/// A person's seat on a committee for a term: their role, sex and affiliation (the quorum counts them) and their
/// expertise (reviewer suggestions match it). A user may sit on several committees, one seat per committee.
/// </summary>
public sealed class CommitteeMember : IAudited
{
    public const int ExpertiseMax = 500;
    public const int DisplayNameMax = 200;

    private CommitteeMember() { }

    public CommitteeMember(Guid committeeId, string userName, string displayName, CommitteeRole role, MemberSex sex, bool affiliated,
        DateOnly termStart, DateOnly termEnd, IEnumerable<string> expertise)
    {
        Id = Guid.CreateVersion7();
        CommitteeId = committeeId;
        UserName = userName;
        DisplayName = displayName;
        Role = role;
        Sex = sex;
        Affiliated = affiliated;
        TermStart = termStart;
        TermEnd = termEnd;
        SetExpertise(expertise);
    }

    public Guid Id { get; private set; }
    public Guid CommitteeId { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; internal set; } = "";
    public CommitteeRole Role { get; internal set; }
    public MemberSex Sex { get; internal set; }

    /// <summary>Employed by or otherwise affiliated with the hospital (the quorum wants at least one who is not).</summary>
    public bool Affiliated { get; internal set; }

    public DateOnly TermStart { get; internal set; }
    public DateOnly TermEnd { get; internal set; }

    /// <summary>Areas of expertise, lower case, separated by ';' in storage (e.g. "oncology;statistics;pharmacy").</summary>
    public string Expertise { get; private set; } = "";

    public IReadOnlyList<string> ExpertiseList => Expertise.Split(';', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Chairs, vice-chairs, members and lay members vote and review; secretaries and independent consultants do not.</summary>
    public bool Votes => Role is CommitteeRole.Chair or CommitteeRole.ViceChair or CommitteeRole.Member or CommitteeRole.LayMember;

    public bool IsLay => Role == CommitteeRole.LayMember;

    public bool InTermOn(DateOnly day) => TermStart <= day && day <= TermEnd;

    public void SetExpertise(IEnumerable<string> expertise) => Expertise = string.Join(';',
        expertise.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> b)
    {
        b.ToTable("ethics_committee_members");
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.CommitteeId, m.UserName }).IsUnique();
        b.HasIndex(m => m.UserName);
        b.Property(m => m.UserName).HasMaxLength(256).IsRequired();
        b.Property(m => m.DisplayName).HasMaxLength(CommitteeMember.DisplayNameMax).IsRequired();
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(32);
        b.Property(m => m.Sex).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Expertise).HasMaxLength(CommitteeMember.ExpertiseMax).IsRequired();
        b.Ignore(m => m.ExpertiseList);
        b.Ignore(m => m.Votes);
        b.Ignore(m => m.IsLay);
    }
}
