using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>That someone took the concealed list out (the statistician's export): who, when, why, how many rows. Audited.</summary>
public sealed class RandomizationListExportRecord : IAudited
{
    private RandomizationListExportRecord() { }

    public RandomizationListExportRecord(Guid schemeId, Guid projectId, string by, string reason, int rows, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        SchemeId = schemeId;
        ProjectId = projectId;
        By = by;
        Reason = reason;
        Rows = rows;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid SchemeId { get; private set; }
    public Guid ProjectId { get; private set; }
    public string By { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public int Rows { get; private set; }
    public DateTimeOffset At { get; private set; }
}

internal sealed class RandomizationListExportRecordConfiguration : IEntityTypeConfiguration<RandomizationListExportRecord>
{
    public void Configure(EntityTypeBuilder<RandomizationListExportRecord> b)
    {
        b.ToTable("randomization_list_exports");
        b.HasKey(e => e.Id);
        b.HasIndex(e => e.ProjectId);
        b.HasOne<RandomizationScheme>().WithMany().HasForeignKey(e => e.SchemeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.By).HasMaxLength(Subject.UserNameMax).IsRequired();
        b.Property(e => e.Reason).HasMaxLength(Subject.ReasonMax).IsRequired();
    }
}
