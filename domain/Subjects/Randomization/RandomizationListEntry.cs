using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>
/// One row of a concealed randomization list, generated at lock time: the stratum, the position in it, the block and the
/// arm. No endpoint returns these rows to the study team; an allocation consumes the next unused row of its stratum
/// (<see cref="SubjectAllocation"/>'s unique (scheme, stratum, sequence) makes a row usable once). Not audited row by row:
/// the list is written once at lock, its hash is on the (audited) scheme.
/// </summary>
public sealed class RandomizationListEntry
{
    public const int StratumMax = 512;

    private RandomizationListEntry() { }

    public RandomizationListEntry(Guid schemeId, string stratum, int sequence, int block, string arm)
    {
        Id = Guid.CreateVersion7();
        SchemeId = schemeId;
        Stratum = stratum;
        Sequence = sequence;
        Block = block;
        Arm = arm;
    }

    public Guid Id { get; private set; }
    public Guid SchemeId { get; private set; }
    public string Stratum { get; private set; } = "";
    public int Sequence { get; private set; }
    public int Block { get; private set; }
    public string Arm { get; private set; } = "";
}

internal sealed class RandomizationListEntryConfiguration : IEntityTypeConfiguration<RandomizationListEntry>
{
    public void Configure(EntityTypeBuilder<RandomizationListEntry> b)
    {
        b.ToTable("randomization_list_entries");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.SchemeId, e.Stratum, e.Sequence }).IsUnique();
        b.HasOne<RandomizationScheme>().WithMany().HasForeignKey(e => e.SchemeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Stratum).HasMaxLength(RandomizationListEntry.StratumMax).IsRequired();
        b.Property(e => e.Arm).HasMaxLength(Protocol.StudyArm.CodeMax).IsRequired();
    }
}
