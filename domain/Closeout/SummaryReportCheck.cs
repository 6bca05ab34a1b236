using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Closeout;

/// <summary>The PI's summary report of the study is recorded on the close-out.</summary>
public sealed class SummaryReportCheck(CtmsDbContext db) : IProjectClosureCheck
{
    public const string CheckName = "summary-report";

    public string Name => CheckName;

    public async Task<ClosureCheckResult> CheckAsync(Guid projectId, CancellationToken ct)
    {
        var report = await db.CloseoutRecords.AsNoTracking().Where(r => r.ProjectId == projectId)
            .Select(r => new { r.SummaryReport, r.ReportSubmittedBy }).SingleOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(report?.SummaryReport)
            ? ClosureCheckResult.Failed(Name, "The PI has not submitted the summary report.")
            : ClosureCheckResult.Passed(Name);
    }
}
