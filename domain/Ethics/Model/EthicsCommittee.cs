using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Ethics.Model;

/// <summary>
/// An ethics committee (a hospital may have several, e.g. one for drugs and one for devices), with the rules its
/// meetings follow: the quorum and the majority a decision needs, and how often an approval is reviewed again.
/// </summary>
public sealed class EthicsCommittee : IAudited
{
    public const int NameMax = 200;
    public const int CodeMax = 32;

    private EthicsCommittee() { }

    public EthicsCommittee(string code, string name, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Name = name;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Short unique code, e.g. "EC-DRUG".</summary>
    public string Code { get; internal set; } = "";

    public string Name { get; internal set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Quorum: more than half of the committee's voting members (in term on the meeting's date) present.</summary>
    public bool QuorumMajorityOfMembers { get; internal set; } = true;

    /// <summary>Quorum: at least this many voting members present (0: no minimum beyond the other rules).</summary>
    public int QuorumMinimumPresent { get; internal set; } = 5;

    /// <summary>Quorum: at least one lay member present.</summary>
    public bool QuorumRequiresLayMember { get; internal set; } = true;

    /// <summary>Quorum: at least one member of each sex present.</summary>
    public bool QuorumRequiresBothSexes { get; internal set; } = true;

    /// <summary>Quorum: at least one member not affiliated with the hospital present.</summary>
    public bool QuorumRequiresNonAffiliated { get; internal set; } = true;

    /// <summary>The majority an option needs to become the outcome of a vote.</summary>
    public DecisionMajority DecisionMajority { get; internal set; } = DecisionMajority.MoreThanHalfOfVotersPresent;

    /// <summary>Months an approval lasts before its continuing review (P14) is due.</summary>
    public int ContinuingReviewMonths { get; internal set; } = 12;

    public Guid Version { get; internal set; } = Guid.NewGuid();

    /// <summary>
    /// The demo's committee meets with two voting members: a majority of its members, without the lay, both-sexes and
    /// non-affiliated rules a real committee keeps. For the demo seed only.
    /// </summary>
    public void RelaxQuorumForDemo()
    {
        QuorumMinimumPresent = 2;
        QuorumRequiresLayMember = false;
        QuorumRequiresBothSexes = false;
        QuorumRequiresNonAffiliated = false;
        Version = Guid.NewGuid();
    }

    public List<CommitteeMember> Members { get; private set; } = [];
}

internal sealed class EthicsCommitteeConfiguration : IEntityTypeConfiguration<EthicsCommittee>
{
    public void Configure(EntityTypeBuilder<EthicsCommittee> b)
    {
        b.ToTable("ethics_committees");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.Code).HasMaxLength(EthicsCommittee.CodeMax).IsRequired();
        b.Property(c => c.Name).HasMaxLength(EthicsCommittee.NameMax).IsRequired();
        b.Property(c => c.DecisionMajority).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
    }
}
