using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>
/// A subject's allocation (O10): the scheme, the stratum and the position consumed in it, the randomization number, the
/// factors given, and the arm (the current one: an arm switch changes it and adds a <see cref="SubjectArmChange"/>).
/// Unique per subject and per (scheme, stratum, sequence): of two randomizations at the same moment exactly one commits,
/// and no list row is consumed twice. Who may see <see cref="Arm"/> is <see cref="ArmVisibility"/>'s decision.
/// </summary>
public sealed class SubjectAllocation : IAudited
{
    public const int NumberMax = 32;

    private SubjectAllocation() { }

    public SubjectAllocation(Guid subjectId, Guid projectId, Guid schemeId, string stratum, int sequence, string randomizationNumber,
        string arm, IReadOnlyDictionary<string, string> factors, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        SubjectId = subjectId;
        ProjectId = projectId;
        SchemeId = schemeId;
        Stratum = stratum;
        Sequence = sequence;
        RandomizationNumber = randomizationNumber;
        Arm = arm;
        RandomizedArm = arm;
        Factors = JsonColumn.Write(factors);
        RandomizedBy = by;
        RandomizedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid SchemeId { get; private set; }
    public string Stratum { get; private set; } = "";
    public int Sequence { get; private set; }
    public string RandomizationNumber { get; private set; } = "";

    /// <summary>The arm the subject is in now.</summary>
    public string Arm { get; private set; } = "";

    /// <summary>The arm the randomization gave (an arm switch leaves it).</summary>
    public string RandomizedArm { get; private set; } = "";

    /// <summary>The factor levels given at randomization (JSON object).</summary>
    public string Factors { get; private set; } = "{}";

    public string RandomizedBy { get; private set; } = "";
    public DateTimeOffset RandomizedAt { get; private set; }

    public IReadOnlyDictionary<string, string> FactorLevels => JsonColumn.Read<Dictionary<string, string>>(Factors, []);

    public void SwitchTo(string arm) => Arm = arm;
}

internal sealed class SubjectAllocationConfiguration : IEntityTypeConfiguration<SubjectAllocation>
{
    public void Configure(EntityTypeBuilder<SubjectAllocation> b)
    {
        b.ToTable("subject_allocations");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.SubjectId).IsUnique();
        b.HasIndex(a => new { a.SchemeId, a.Stratum, a.Sequence }).IsUnique();
        b.HasIndex(a => new { a.SchemeId, a.RandomizationNumber }).IsUnique();
        b.HasIndex(a => a.ProjectId);
        b.HasOne<Subject>().WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RandomizationScheme>().WithMany().HasForeignKey(a => a.SchemeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Stratum).HasMaxLength(RandomizationListEntry.StratumMax).IsRequired();
        b.Property(a => a.RandomizationNumber).HasMaxLength(SubjectAllocation.NumberMax).IsRequired();
        b.Property(a => a.Arm).HasMaxLength(Protocol.StudyArm.CodeMax).IsRequired();
        b.Property(a => a.RandomizedArm).HasMaxLength(Protocol.StudyArm.CodeMax).IsRequired();
        b.Property(a => a.Factors).HasMaxLength(RandomizationScheme.JsonMax).IsRequired();
        b.Property(a => a.RandomizedBy).HasMaxLength(Subject.UserNameMax).IsRequired();
        b.Ignore(a => a.FactorLevels);
    }
}
