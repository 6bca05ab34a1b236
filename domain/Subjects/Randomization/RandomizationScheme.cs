using Ctms.Domain.Audit;
using Ctms.Domain.Common;
using Ctms.Domain.Subjects.Randomization.Algorithms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>How subjects are allocated (O04).</summary>
public enum RandomizationMethod
{
    Simple,
    PermutedBlock,
    StratifiedBlock,
    Minimization,
}

/// <summary>Who is blinded: nobody (open), the subject (single), or the subject and the study team (double).</summary>
public enum BlindingLevel
{
    Open,
    Single,
    Double,
}

/// <summary>
/// A project's randomization scheme (O04), one per project: the method, block sizes, factors (strata or minimization
/// factors), the minimization's probability, the seed, the blinding and the roles that stay unblinded. Editable until
/// locked; the lock generates the concealed lists from the seed (<see cref="RandomizationListEntry"/>) and fixes the arms.
/// The seed is kept for the statistician's regeneration and is never returned by any endpoint.
/// </summary>
public sealed class RandomizationScheme : IAudited
{
    public const int SeedMax = 256;
    public const int JsonMax = 4000;
    public const int MaxListLength = 10_000;

    private RandomizationScheme() { }

    public RandomizationScheme(Guid projectId)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public RandomizationMethod Method { get; private set; }

    /// <summary>The allowed block sizes (JSON list of numbers), one drawn at random for each block.</summary>
    public string BlockSizes { get; private set; } = "[]";

    /// <summary>The factors (JSON list of {code, levels}): strata for StratifiedBlock, factors for Minimization.</summary>
    public string Factors { get; private set; } = "[]";

    /// <summary>Minimization: the probability of choosing the arm that minimizes the imbalance.</summary>
    public double Probability { get; private set; } = 0.8;

    /// <summary>The seed of the lists and of the minimization's random element. Never shown.</summary>
    public string Seed { get; private set; } = "";

    /// <summary>List methods: the rows generated per stratum.</summary>
    public int ListLength { get; private set; }

    public BlindingLevel Blinding { get; private set; } = BlindingLevel.Double;

    /// <summary>Roles (JSON list) that see the arm in a double-blind study: the pharmacist who dispenses the kit, by default.</summary>
    public string UnblindedRoles { get; private set; } = "[\"pharmacist\"]";

    /// <summary>The arms with their ratios at lock time (JSON list of {code, ratio}): the lists were generated for them.</summary>
    public string LockedArms { get; private set; } = "[]";

    public DateTimeOffset? LockedAt { get; private set; }
    public string? LockedBy { get; private set; }

    /// <summary>The SHA-256 of the generated lists (<see cref="ListGenerator.Hash"/>): the statistician's regeneration must match it.</summary>
    public string? ListHash { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsLocked => LockedAt is not null;
    public IReadOnlyList<int> BlockSizeList => JsonColumn.Read<List<int>>(BlockSizes, []);
    public IReadOnlyList<RandomizationFactor> FactorList => JsonColumn.Read<List<RandomizationFactor>>(Factors, []);
    public IReadOnlyList<string> UnblindedRoleList => JsonColumn.Strings(UnblindedRoles);
    public IReadOnlyList<ArmRatio> LockedArmList => JsonColumn.Read<List<ArmRatio>>(LockedArms, []);

    public void Configure(RandomizationMethod method, IReadOnlyList<int> blockSizes, IReadOnlyList<RandomizationFactor> factors, double probability,
        string seed, int listLength, BlindingLevel blinding, IReadOnlyList<string> unblindedRoles, string by, DateTimeOffset at)
    {
        EnsureEditable();
        Method = method;
        BlockSizes = JsonColumn.Write(blockSizes.ToList());
        Factors = JsonColumn.Write(factors.ToList());
        Probability = probability;
        Seed = seed;
        ListLength = listLength;
        Blinding = blinding;
        UnblindedRoles = JsonColumn.Write(unblindedRoles.ToList());
        UpdatedAt = at;
        UpdatedBy = by;
        Version = Guid.NewGuid();
    }

    public void Lock(IReadOnlyList<ArmRatio> arms, string? listHash, string by, DateTimeOffset at)
    {
        EnsureEditable();
        LockedArms = JsonColumn.Write(arms.ToList());
        ListHash = listHash;
        LockedAt = at;
        LockedBy = by;
        Version = Guid.NewGuid();
    }

    public void EnsureEditable()
    {
        if (IsLocked)
        {
            throw new ConflictException($"The randomization scheme was locked on {LockedAt:yyyy-MM-dd}; it cannot change any more.");
        }
    }

    /// <summary>Whether the method allocates from generated lists (all but minimization).</summary>
    public bool UsesLists => Method != RandomizationMethod.Minimization;

    /// <summary>The factors a subject must be given at randomization: the strata's or the minimization's.</summary>
    public IReadOnlyList<RandomizationFactor> SubjectFactors =>
        Method is RandomizationMethod.StratifiedBlock or RandomizationMethod.Minimization ? FactorList : [];
}

internal sealed class RandomizationSchemeConfiguration : IEntityTypeConfiguration<RandomizationScheme>
{
    public void Configure(EntityTypeBuilder<RandomizationScheme> b)
    {
        b.ToTable("randomization_schemes");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.ProjectId).IsUnique();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Method).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.Blinding).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.BlockSizes).HasMaxLength(RandomizationScheme.JsonMax).IsRequired();
        b.Property(s => s.Factors).HasMaxLength(RandomizationScheme.JsonMax).IsRequired();
        b.Property(s => s.UnblindedRoles).HasMaxLength(RandomizationScheme.JsonMax).IsRequired();
        b.Property(s => s.LockedArms).HasMaxLength(RandomizationScheme.JsonMax).IsRequired();
        b.Property(s => s.Seed).HasMaxLength(RandomizationScheme.SeedMax).IsRequired();
        b.Property(s => s.ListHash).HasMaxLength(64);
        b.Property(s => s.LockedBy).HasMaxLength(Subject.UserNameMax);
        b.Property(s => s.UpdatedBy).HasMaxLength(Subject.UserNameMax).IsRequired();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.IsLocked);
        b.Ignore(s => s.BlockSizeList);
        b.Ignore(s => s.FactorList);
        b.Ignore(s => s.UnblindedRoleList);
        b.Ignore(s => s.LockedArmList);
        b.Ignore(s => s.UsesLists);
        b.Ignore(s => s.SubjectFactors);
    }
}
