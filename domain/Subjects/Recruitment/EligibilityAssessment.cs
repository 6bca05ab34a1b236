using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Recruitment;

/// <summary>A criterion's result at screening: met, not met, or undecided (a value missing or of the wrong type).</summary>
public sealed record CriterionResult(string Code, Protocol.CriterionKind Kind, string Text, string Result, bool Passes)
{
    public const string Met = "met";
    public const string NotMet = "not-met";
    public const string Undecided = "undecided";
}

/// <summary>
/// One eligibility assessment of a subject (O08): the screening data as entered, each criterion's result and the outcome.
/// Every assessment is kept (a re-assessment is a new row), so the screening log shows what was decided on which data.
/// </summary>
public sealed class EligibilityAssessment : IAudited
{
    public const int DataMax = 100_000;
    public const int ResultsMax = 100_000;

    private EligibilityAssessment() { }

    public EligibilityAssessment(Guid subjectId, Guid projectId, string data, IReadOnlyList<CriterionResult> results, bool eligible, string assessedBy,
        DateTimeOffset assessedAt)
    {
        Id = Guid.CreateVersion7();
        SubjectId = subjectId;
        ProjectId = projectId;
        Data = data;
        Results = JsonColumn.Write(results);
        Eligible = eligible;
        AssessedBy = assessedBy;
        AssessedAt = assessedAt;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>The screening data (a JSON object) the criteria were evaluated over.</summary>
    public string Data { get; private set; } = "{}";

    /// <summary>The criteria's results, a JSON list of <see cref="CriterionResult"/>.</summary>
    public string Results { get; private set; } = "[]";
    public bool Eligible { get; private set; }
    public string AssessedBy { get; private set; } = "";
    public DateTimeOffset AssessedAt { get; private set; }

    public IReadOnlyList<CriterionResult> CriterionResults => JsonColumn.Read<List<CriterionResult>>(Results, []);
}

internal sealed class EligibilityAssessmentConfiguration : IEntityTypeConfiguration<EligibilityAssessment>
{
    public void Configure(EntityTypeBuilder<EligibilityAssessment> b)
    {
        b.ToTable("eligibility_assessments");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.SubjectId);
        b.HasIndex(a => a.ProjectId);
        b.HasOne<Subject>().WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Data).HasMaxLength(EligibilityAssessment.DataMax).IsRequired();
        b.Property(a => a.Results).HasMaxLength(EligibilityAssessment.ResultsMax).IsRequired();
        b.Property(a => a.AssessedBy).HasMaxLength(Subject.UserNameMax).IsRequired();
        b.Ignore(a => a.CriterionResults);
    }
}
