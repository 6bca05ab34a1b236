using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Protocol;

public enum CriterionKind
{
    /// <summary>Must be met: the expression must be true.</summary>
    Inclusion,

    /// <summary>Must not be met: the expression must be false.</summary>
    Exclusion,
}

/// <summary>
/// An inclusion or exclusion criterion (O04): the protocol's text and a FEEL expression over the screening data that is
/// true when the criterion is met (<c>age &gt;= 18 and age &lt;= 75</c>, <c>egfr &lt; 30</c>). A subject is eligible when
/// every inclusion is met and no exclusion is; an expression that cannot be decided (a missing value) is not met for an
/// inclusion and counts against eligibility for an exclusion, and is shown as undecided.
/// </summary>
public sealed class EligibilityCriterion : IAudited
{
    public const int CodeMax = 32;
    public const int TextMax = 2000;
    public const int ExpressionMax = 2000;

    private EligibilityCriterion() { }

    public EligibilityCriterion(Guid projectId, string code, CriterionKind kind, string text, string expression, int sequence)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Code = code;
        Kind = kind;
        Text = text;
        Expression = expression;
        Sequence = sequence;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Code { get; private set; } = "";
    public CriterionKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public string Expression { get; private set; } = "";
    public int Sequence { get; private set; }

    public void Update(CriterionKind kind, string text, string expression, int sequence)
    {
        Kind = kind;
        Text = text;
        Expression = expression;
        Sequence = sequence;
    }
}

internal sealed class EligibilityCriterionConfiguration : IEntityTypeConfiguration<EligibilityCriterion>
{
    public void Configure(EntityTypeBuilder<EligibilityCriterion> b)
    {
        b.ToTable("eligibility_criteria");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.ProjectId, c.Code }).IsUnique();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Code).HasMaxLength(EligibilityCriterion.CodeMax).IsRequired();
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Text).HasMaxLength(EligibilityCriterion.TextMax).IsRequired();
        b.Property(c => c.Expression).HasMaxLength(EligibilityCriterion.ExpressionMax).IsRequired();
    }
}
