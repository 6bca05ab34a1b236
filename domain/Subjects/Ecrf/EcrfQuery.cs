using Ctms.Domain.Audit;
using Ctms.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Ecrf;

public enum EcrfQueryStatus
{
    /// <summary>Raised (by an edit check or by the CRA / data manager); waiting for the site's answer.</summary>
    Open,

    /// <summary>The site answered; waiting for the CRA / data manager to close it.</summary>
    Answered,

    /// <summary>Resolved.</summary>
    Closed,
}

/// <summary>
/// A data query on a field of an e-CRF entry (O13): raised automatically by a failing edit check (<see cref="CheckCode"/>)
/// or by hand by the CRA or the data manager, answered by the site, closed by the CRA or the data manager. An entry with
/// a query not closed cannot be signed.
/// </summary>
public sealed class EcrfQuery : IAudited
{
    public const int FieldMax = 128;
    public const int TextMax = 2000;

    private EcrfQuery() { }

    public EcrfQuery(Guid entryId, Guid subjectId, Guid projectId, string field, string text, string? checkCode, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        EntryId = entryId;
        SubjectId = subjectId;
        ProjectId = projectId;
        Field = field;
        Text = text;
        CheckCode = checkCode;
        Status = EcrfQueryStatus.Open;
        RaisedBy = by;
        RaisedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid EntryId { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Field { get; private set; } = "";
    public string Text { get; private set; } = "";

    /// <summary>The edit check that raised it; null for a query raised by hand.</summary>
    public string? CheckCode { get; private set; }
    public EcrfQueryStatus Status { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public void Respond(string answer, string by, DateTimeOffset at)
    {
        if (Status == EcrfQueryStatus.Closed)
        {
            throw new ConflictException("The query is closed.");
        }
        Answer = answer;
        AnsweredBy = by;
        AnsweredAt = at;
        Status = EcrfQueryStatus.Answered;
    }

    public void Close(string by, DateTimeOffset at)
    {
        if (Status == EcrfQueryStatus.Closed)
        {
            throw new ConflictException("The query is already closed.");
        }
        ClosedBy = by;
        ClosedAt = at;
        Status = EcrfQueryStatus.Closed;
    }
}

internal sealed class EcrfQueryConfiguration : IEntityTypeConfiguration<EcrfQuery>
{
    public void Configure(EntityTypeBuilder<EcrfQuery> b)
    {
        b.ToTable("ecrf_queries");
        b.HasKey(q => q.Id);
        b.HasIndex(q => new { q.EntryId, q.Status });
        b.HasIndex(q => new { q.ProjectId, q.Status });
        b.HasOne<EcrfEntry>().WithMany().HasForeignKey(q => q.EntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subject>().WithMany().HasForeignKey(q => q.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(q => q.Field).HasMaxLength(EcrfQuery.FieldMax).IsRequired();
        b.Property(q => q.Text).HasMaxLength(EcrfQuery.TextMax).IsRequired();
        b.Property(q => q.CheckCode).HasMaxLength(64);
        b.Property(q => q.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(q => q.RaisedBy).HasMaxLength(Subject.UserNameMax).IsRequired();
        b.Property(q => q.Answer).HasMaxLength(EcrfQuery.TextMax);
        b.Property(q => q.AnsweredBy).HasMaxLength(Subject.UserNameMax);
        b.Property(q => q.ClosedBy).HasMaxLength(Subject.UserNameMax);
    }
}
