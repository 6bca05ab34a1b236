using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Safety;

/// <summary>A subject's adverse events with their follow-ups and SAE reports, for whoever may read the project's subjects.</summary>
public sealed record ListAdverseEvents(Guid SubjectId) : IQuery<IReadOnlyList<AdverseEventDto>>;

public sealed class ListAdverseEventsHandler(CtmsDbContext db, SubjectStore subjects) : IQueryHandler<ListAdverseEvents, IReadOnlyList<AdverseEventDto>>
{
    public async ValueTask<IReadOnlyList<AdverseEventDto>> Handle(ListAdverseEvents query, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(query.SubjectId, ProjectActions.ReadSubjects, ct);
        var events = await db.AdverseEvents.AsNoTracking().Where(e => e.SubjectId == subject.Id).OrderBy(e => e.Number).ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var followUps = (await db.AdverseEventFollowUps.AsNoTracking().Where(f => ids.Contains(f.AdverseEventId)).ToListAsync(ct)).ToLookup(f => f.AdverseEventId);
        var reports = (await db.SaeReports.AsNoTracking().Where(r => ids.Contains(r.AdverseEventId)).ToListAsync(ct)).ToLookup(r => r.AdverseEventId);
        return [.. events.Select(e => AdverseEventDto.Of(e, followUps[e.Id], reports[e.Id]))];
    }
}

/// <summary>Whether the signed-in user may record the subject's adverse events and report its SAEs (<c>safety.report</c>); 404 to a non-reader.</summary>
public sealed record CanReportSafety(Guid SubjectId) : IQuery<bool>;

public sealed class CanReportSafetyHandler(SubjectStore subjects, ProjectAccess access, ICurrentUser user) : IQueryHandler<CanReportSafety, bool>
{
    public async ValueTask<bool> Handle(CanReportSafety query, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(query.SubjectId, ProjectActions.ReadSubjects, ct);
        return await access.CanAsync(user.Access, ProjectActions.SafetyReport, subject.ProjectId, ct);
    }
}
