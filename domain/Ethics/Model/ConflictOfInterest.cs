using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Ethics.Model;

/// <summary>
/// A member's declared conflict of interest with a project (a sponsor's consultant, an investigator of the study): such a
/// member is never suggested or assigned as its reviewer and is recused from its meeting items. Withdrawn, not deleted.
/// </summary>
public sealed class ConflictOfInterest : IAudited
{
    public const int ReasonMax = 1000;

    private ConflictOfInterest() { }

    public ConflictOfInterest(Guid memberId, Guid projectId, string reason, string declaredBy, DateTimeOffset declaredAt)
    {
        Id = Guid.CreateVersion7();
        MemberId = memberId;
        ProjectId = projectId;
        Reason = reason;
        DeclaredBy = declaredBy;
        DeclaredAt = declaredAt;
    }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Reason { get; private set; } = "";
    public string DeclaredBy { get; private set; } = "";
    public DateTimeOffset DeclaredAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; internal set; }

    public bool Active => WithdrawnAt is null;
}

internal sealed class ConflictOfInterestConfiguration : IEntityTypeConfiguration<ConflictOfInterest>
{
    public void Configure(EntityTypeBuilder<ConflictOfInterest> b)
    {
        b.ToTable("ethics_conflicts_of_interest");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.ProjectId, c.MemberId });
        b.HasOne<CommitteeMember>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Reason).HasMaxLength(ConflictOfInterest.ReasonMax).IsRequired();
        b.Property(c => c.DeclaredBy).HasMaxLength(256).IsRequired();
        b.Ignore(c => c.Active);
    }
}
