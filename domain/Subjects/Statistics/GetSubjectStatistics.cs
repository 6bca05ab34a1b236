using System.Globalization;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Statistics;

public sealed record StatusCount(SubjectStatus Status, string Colour, int Count);

public sealed record MonthCount(string Month, int Count);

public sealed record VisitCount(string Code, int Done, int Open, int Missed);

public sealed record ReasonCount(string Reason, int Count);

/// <summary>The progress statistics of a project's subjects (item 8 of issue 9).</summary>
public sealed record SubjectStatisticsDto(IReadOnlyList<StatusCount> ByStatus, IReadOnlyList<MonthCount> ByEnrollmentMonth,
    IReadOnlyList<VisitCount> ByVisit, IReadOnlyList<ReasonCount> ScreenFailureReasons);

/// <summary>
/// Subjects by status (every status, with its colour), by month of enrollment, by visit (done, open and missed visits per
/// visit code), and screening failure reasons,
/// for whoever may read the project's subjects. Counts only: no subject is named.
/// </summary>
public sealed record GetSubjectStatistics(Guid ProjectId) : IQuery<SubjectStatisticsDto>;

public sealed class GetSubjectStatisticsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<GetSubjectStatistics, SubjectStatisticsDto>
{
    public async ValueTask<SubjectStatisticsDto> Handle(GetSubjectStatistics query, CancellationToken ct)
    {
        if (!await access.CanAsync(user.Access, ProjectActions.ReadSubjects, query.ProjectId, ct))
        {
            throw new NotFoundException($"Project {query.ProjectId} was not found.");
        }
        var rows = await db.Subjects.AsNoTracking().Where(s => s.ProjectId == query.ProjectId)
            .Select(s => new { s.Status, s.EnrolledAt, s.ScreenFailureReason }).ToListAsync(ct);
        var byStatus = Enum.GetValues<SubjectStatus>()
            .Select(st => new StatusCount(st, SubjectLifecycle.Colour(st), rows.Count(r => r.Status == st))).ToList();
        var byMonth = rows.Where(r => r.EnrolledAt is not null)
            .GroupBy(r => r.EnrolledAt!.Value.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new MonthCount(g.Key, g.Count())).ToList();
        var reasons = rows.Where(r => r.Status == SubjectStatus.ScreenFailed)
            .GroupBy(r => string.IsNullOrWhiteSpace(r.ScreenFailureReason) ? "(no reason given)" : r.ScreenFailureReason.Trim())
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => new ReasonCount(g.Key, g.Count())).ToList();
        var visits = await db.SubjectVisits.AsNoTracking().Where(v => v.ProjectId == query.ProjectId)
            .Select(v => new { v.Code, v.Sequence, v.Status }).ToListAsync(ct);
        var byVisit = visits.GroupBy(v => v.Code, StringComparer.Ordinal).OrderBy(g => g.Min(v => v.Sequence)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new VisitCount(g.Key, g.Count(v => v.Status == Visits.SubjectVisitStatus.Done), g.Count(v => v.Status == Visits.SubjectVisitStatus.Open),
                g.Count(v => v.Status == Visits.SubjectVisitStatus.Missed))).ToList();
        return new SubjectStatisticsDto(byStatus, byMonth, byVisit, reasons);
    }
}
