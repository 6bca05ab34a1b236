namespace Ctms.Domain.Closeout;

/// <summary>
/// A project's close-out as the API and the studio show it: the checks as they answer now, and the record (the summary
/// report, the last stored run of the checks, the archiving) once there is one.
/// </summary>
public sealed record CloseoutDto(
    Guid ProjectId,
    string ProtocolNumber,
    string ProjectStatus,
    string? PiUserName,
    CloseoutRecordDto? Record,
    IReadOnlyList<ClosureCheckResult> Checks,
    IReadOnlyList<string> Failures)
{
    public bool ChecksAllowArchiving => Failures.Count == 0;

    internal static CloseoutDto From(Projects.Project project, CloseoutRecord? record, IReadOnlyList<ClosureCheckResult> results) =>
        new(project.Id, project.ProtocolNumber, project.Status.ToString(), project.PiUserName, record is null ? null : CloseoutRecordDto.From(record),
            results, ProjectClosureChecks.Failures(results));
}

public sealed record CloseoutRecordDto(
    Guid Id,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    string? SummaryReport,
    int? ActualEnrollment,
    Guid? SummaryDocumentId,
    string? ReportSubmittedBy,
    DateTimeOffset? ReportSubmittedAt,
    IReadOnlyList<ClosureCheckResult> Checks,
    string? ChecksRunBy,
    DateTimeOffset? ChecksRunAt,
    string? ArchivedBy,
    DateTimeOffset? ArchivedAt)
{
    public static CloseoutRecordDto From(CloseoutRecord r) => new(r.Id, r.OpenedBy, r.OpenedAt, r.SummaryReport, r.ActualEnrollment, r.SummaryDocumentId,
        r.ReportSubmittedBy, r.ReportSubmittedAt, r.Checks, r.ChecksRunBy, r.ChecksRunAt, r.ArchivedBy, r.ArchivedAt);
}
