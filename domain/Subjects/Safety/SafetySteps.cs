using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Safety;

/// <summary>The safety commands' shared steps: loading an event with its subject's access check, the clock, the view.</summary>
public sealed class SafetySteps(CtmsDbContext db, SubjectStore subjects, TimeProvider clock)
{
    /// <summary>The event (tracked) and its subject, checked against <paramref name="action"/> on the subject's project (404 / 403).</summary>
    public async Task<(AdverseEvent Event, Subject Subject)> LoadAsync(Guid adverseEventId, string action, CancellationToken ct)
    {
        var subjectId = await db.AdverseEvents.Where(e => e.Id == adverseEventId).Select(e => (Guid?)e.SubjectId).SingleOrDefaultAsync(ct)
                        ?? throw new NotFoundException($"Adverse event {adverseEventId} was not found.");
        Subject subject;
        try
        {
            subject = await subjects.GetAsync(subjectId, action, ct);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException($"Adverse event {adverseEventId} was not found.");
        }
        return (await db.AdverseEvents.SingleAsync(e => e.Id == adverseEventId, ct), subject);
    }

    public async Task<AdverseEventDto> ViewAsync(AdverseEvent e, CancellationToken ct)
    {
        var followUps = await db.AdverseEventFollowUps.AsNoTracking().Where(f => f.AdverseEventId == e.Id).ToListAsync(ct);
        followUps.AddRange(db.AdverseEventFollowUps.Local.Where(f => f.AdverseEventId == e.Id && followUps.All(x => x.Id != f.Id)));
        var reports = await db.SaeReports.AsNoTracking().Where(r => r.AdverseEventId == e.Id).ToListAsync(ct);
        reports.AddRange(db.SaeReports.Local.Where(r => r.AdverseEventId == e.Id && reports.All(x => x.Id != r.Id)));
        return AdverseEventDto.Of(e, followUps, reports);
    }

    /// <summary>The clock's variables for an event that just became serious: the label, the deadline, the reminders, who reports.</summary>
    public async Task<SaeClock> ClockAsync(AdverseEvent e, Subject subject, CancellationToken ct)
    {
        var protocol = await db.Projects.AsNoTracking().Where(p => p.Id == e.ProjectId).Select(p => p.ProtocolNumber).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var members = await (from m in db.ProjectMemberships
                             join u in db.Users on m.UserId equals u.Id
                             where m.ProjectId == e.ProjectId && (m.Role == "pi" || m.Role == "sub-investigator") && m.RevokedAt == null
                             select new { m, u.UserName }).ToListAsync(ct);
        var reporters = members.Where(x => x.m.IsActiveAt(now)).Select(x => x.UserName!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // A project has a handful of reviews; ordered here because SQLite cannot order by a DateTimeOffset.
        var committee = (await db.EthicsReviews.AsNoTracking().Where(r => r.ProjectId == e.ProjectId).Select(r => new { r.CommitteeId, r.SubmittedAt })
            .ToListAsync(ct)).OrderByDescending(r => r.SubmittedAt).Select(r => (Guid?)r.CommitteeId).FirstOrDefault();
        var aware = e.SeriousSince!.Value;
        return new SaeClock(e.Id, e.ProjectId, e.SubjectId, SubjectLabel.Of(protocol, subject.ScreeningNumber, subject.Initials), protocol,
            AdverseEvent.ReportReference(protocol, subject.ScreeningNumber, e.Number), e.Term, e.Grade, aware, e.ReportDueAt!.Value,
            [.. AdverseEventTerms.Reminders.Select(r => aware + r)], reporters, committee);
    }

    public static void ValidateCriteria(Validator v, bool serious, IReadOnlyList<string>? criteria)
    {
        var list = criteria ?? [];
        v.Must(list.All(c => AdverseEventTerms.SeriousCriteria.Contains(c)), "seriousCriteria",
                $"Seriousness criteria are {string.Join(", ", AdverseEventTerms.SeriousCriteria)}.")
            .Must(!serious || list.Count > 0, "seriousCriteria", "A serious adverse event names at least one seriousness criterion.")
            .Must(serious || list.Count == 0, "seriousCriteria", "Only a serious adverse event has seriousness criteria.");
    }
}
