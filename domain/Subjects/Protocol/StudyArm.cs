using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Protocol;

/// <summary>An arm of the study (O02): its code, its name and its allocation ratio (2:1 is ratios 2 and 1).</summary>
public sealed class StudyArm : IAudited
{
    public const int CodeMax = 32;
    public const int NameMax = 200;
    public const int DescriptionMax = 2000;

    private StudyArm() { }

    public StudyArm(Guid projectId, string code, string name, int ratio, string? description)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Code = code;
        Name = name;
        Ratio = ratio;
        Description = description;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Ratio { get; private set; } = 1;
    public string? Description { get; private set; }

    public void Update(string name, int ratio, string? description)
    {
        Name = name;
        Ratio = ratio;
        Description = description;
    }
}

internal sealed class StudyArmConfiguration : IEntityTypeConfiguration<StudyArm>
{
    public void Configure(EntityTypeBuilder<StudyArm> b)
    {
        b.ToTable("study_arms");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.ProjectId, a.Code }).IsUnique();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Code).HasMaxLength(StudyArm.CodeMax).IsRequired();
        b.Property(a => a.Name).HasMaxLength(StudyArm.NameMax).IsRequired();
        b.Property(a => a.Description).HasMaxLength(StudyArm.DescriptionMax);
    }
}
