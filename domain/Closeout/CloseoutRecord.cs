using System.Text.Json;
using System.Text.Json.Serialization;
using Ctms.Domain.Audit;
using Ctms.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Closeout;

/// <summary>
/// A project's close-out (P13): the PI's summary report, the last run of the closure checks with their results, and,
/// once the CTI director approved, who archived the project and when. One per project; audited.
/// </summary>
public sealed class CloseoutRecord : IAudited
{
    public const int SummaryMax = 20_000;
    public const int UserNameMax = 256;
    public const int ChecksMax = 20_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private CloseoutRecord() { }

    public CloseoutRecord(Guid projectId, string openedBy, DateTimeOffset openedAt)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        OpenedBy = openedBy;
        OpenedAt = openedAt;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>Who started the close-out (the CTI office, P13's first step), when.</summary>
    public string OpenedBy { get; private set; } = "";

    public DateTimeOffset OpenedAt { get; private set; }
    public string? SummaryReport { get; private set; }
    public int? ActualEnrollment { get; private set; }

    /// <summary>The signed report as a document of the project, when it was uploaded there.</summary>
    public Guid? SummaryDocumentId { get; private set; }

    public string? ReportSubmittedBy { get; private set; }
    public DateTimeOffset? ReportSubmittedAt { get; private set; }

    /// <summary>The results of the last run of the checks, as JSON (check, outcome, reasons).</summary>
    public string? ChecksJson { get; private set; }

    public string? ChecksRunBy { get; private set; }
    public DateTimeOffset? ChecksRunAt { get; private set; }
    public string? ArchivedBy { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }

    public IReadOnlyList<ClosureCheckResult> Checks =>
        ChecksJson is null ? [] : JsonSerializer.Deserialize<List<ClosureCheckResult>>(ChecksJson, Json) ?? [];

    public void SubmitReport(string summary, int? actualEnrollment, Guid? documentId, string by, DateTimeOffset at)
    {
        EnsureOpen();
        SummaryReport = summary;
        ActualEnrollment = actualEnrollment;
        SummaryDocumentId = documentId;
        ReportSubmittedBy = by;
        ReportSubmittedAt = at;
    }

    public void RecordChecks(IReadOnlyList<ClosureCheckResult> results, string by, DateTimeOffset at)
    {
        EnsureOpen();
        ChecksJson = JsonSerializer.Serialize(results, Json);
        ChecksRunBy = by;
        ChecksRunAt = at;
    }

    /// <summary>Archives with the checks that allowed it.</summary>
    public void Archive(IReadOnlyList<ClosureCheckResult> results, string by, DateTimeOffset at)
    {
        RecordChecks(results, by, at);
        ArchivedBy = by;
        ArchivedAt = at;
    }

    private void EnsureOpen()
    {
        if (ArchivedAt is not null)
        {
            throw new ConflictException($"The project was archived by {ArchivedBy}; its close-out can no longer change.");
        }
    }
}

internal sealed class CloseoutRecordConfiguration : IEntityTypeConfiguration<CloseoutRecord>
{
    public void Configure(EntityTypeBuilder<CloseoutRecord> b)
    {
        b.ToTable("closeout_records");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.ProjectId).IsUnique();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.OpenedBy).HasMaxLength(CloseoutRecord.UserNameMax).IsRequired();
        b.Property(r => r.SummaryReport).HasMaxLength(CloseoutRecord.SummaryMax);
        b.Property(r => r.ReportSubmittedBy).HasMaxLength(CloseoutRecord.UserNameMax);
        b.Property(r => r.ChecksJson).HasMaxLength(CloseoutRecord.ChecksMax);
        b.Property(r => r.ChecksRunBy).HasMaxLength(CloseoutRecord.UserNameMax);
        b.Property(r => r.ArchivedBy).HasMaxLength(CloseoutRecord.UserNameMax);
        b.Ignore(r => r.Checks);
    }
}
