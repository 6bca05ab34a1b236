using Ctms.Domain.Data;
using Ctms.Domain.Integration.Orders;
using Ctms.Domain.Subjects.Protocol;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Visits;

/// <summary>
/// A subject's visits as rows (<see cref="SubjectVisit"/>): created from the protocol's visits the first time the schedule
/// of a subject on study is asked for, and their dates recomputed from the facts each time (the first consent, the
/// randomization the randomization part records on the subject, the actual days of the visits done). Recomputing on
/// every read and record keeps the schedule right without this part knowing when randomization happens.
/// </summary>
public sealed class SubjectSchedule(CtmsDbContext db)
{
    /// <summary>The subject's visits in schedule order, created and replanned as needed; tracked, the caller saves.</summary>
    public async Task<List<SubjectVisit>> EnsureAsync(Subject subject, CancellationToken ct = default)
    {
        var visits = await db.SubjectVisits.Where(v => v.SubjectId == subject.Id).ToListAsync(ct);
        // Rows materialised earlier in this unit of work and not saved yet are not in the query's answer: take them too,
        // so that asking twice before a save never adds a visit twice.
        visits.AddRange(db.SubjectVisits.Local.Where(v => v.SubjectId == subject.Id && !visits.Contains(v)));
        if (subject.EnrolledAt is null)
        {
            return [.. visits.OrderBy(v => v.Sequence)];
        }
        var definitions = await db.VisitDefinitions.AsNoTracking().Where(d => d.ProjectId == subject.ProjectId).ToListAsync(ct);
        var consentDays = await db.SubjectConsents.AsNoTracking().Where(c => c.SubjectId == subject.Id).Select(c => c.SignedOn).ToListAsync(ct);
        DateOnly? consentDay = consentDays.Count > 0 ? consentDays.Min() : subject.ConsentedAt is { } c ? DateOnly.FromDateTime(c.UtcDateTime) : null;
        DateOnly? randomizationDay = subject.RandomizedAt is { } r ? DateOnly.FromDateTime(r.UtcDateTime) : null;
        var actual = visits.Where(v => v.ActualDate is not null).ToDictionary(v => v.Code, v => v.ActualDate!.Value, StringComparer.Ordinal);
        foreach (var planned in VisitScheduleRules.Plan(definitions, consentDay, randomizationDay, actual))
        {
            var visit = visits.FirstOrDefault(v => v.Code == planned.Code);
            if (visit is null && SubjectLifecycle.OnStudy.Contains(subject.Status))
            {
                visit = new SubjectVisit(subject.Id, subject.ProjectId, planned.Code, planned.Name, planned.Sequence);
                db.SubjectVisits.Add(visit);
                visits.Add(visit);
            }
            visit?.Replan(planned);
        }
        return [.. visits.OrderBy(v => v.Sequence).ThenBy(v => v.Code, StringComparer.Ordinal)];
    }

    /// <summary>The visit of the subject's schedule with <paramref name="code"/>, or a 404 naming the code.</summary>
    public async Task<SubjectVisit> VisitAsync(Subject subject, string code, CancellationToken ct = default)
    {
        var visits = await EnsureAsync(subject, ct);
        return visits.FirstOrDefault(v => string.Equals(v.Code, code, StringComparison.Ordinal))
            ?? throw new Common.NotFoundException($"Visit {code} is not in this subject's schedule.");
    }

    /// <summary>The visits as the API shows them, each with its to-do list from the visit's content.</summary>
    public async Task<IReadOnlyList<SubjectVisitDto>> ViewAsync(IReadOnlyList<SubjectVisit> visits, CancellationToken ct = default)
    {
        if (visits.Count == 0)
        {
            return [];
        }
        var projectId = visits[0].ProjectId;
        var ids = visits.Select(v => v.Id).ToList();
        var definitions = await db.VisitDefinitions.AsNoTracking().Where(d => d.ProjectId == projectId).ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        var orders = await (from o in db.VisitExamOrders.AsNoTracking()
                            join h in db.HospitalOrders.AsNoTracking() on o.OrderId equals h.Id
                            where ids.Contains(o.VisitId) && o.CancelledAt == null
                            select new { o.VisitId, o.ExamCode, h.Status }).ToListAsync(ct);
        var pages = await db.EcrfEntries.AsNoTracking().Where(e => e.VisitId != null && ids.Contains(e.VisitId.Value))
            .Select(e => new { e.VisitId, e.PageCode }).ToListAsync(ct);
        var subjectIds = visits.Select(v => v.SubjectId).Distinct().ToList();
        var dispensed = await db.IpPrescriptions.AsNoTracking()
            .Where(p => subjectIds.Contains(p.SubjectId) && p.Status == Pharmacy.Dispensing.PrescriptionStatus.Dispensed)
            .Select(p => new { p.SubjectId, p.VisitCode }).ToListAsync(ct);
        return [.. visits.Select(v =>
        {
            var todo = new List<VisitTodoItem>();
            if (definitions.TryGetValue(v.Code, out var d))
            {
                todo.AddRange(d.ExamCodes.Select(code => new VisitTodoItem("exam", code,
                    orders.Any(o => o.VisitId == v.Id && o.ExamCode == code && o.Status == HospitalOrderStatus.Resulted))));
                if (d.Dispensing)
                {
                    todo.Add(new VisitTodoItem("dispensing", "study-drug", dispensed.Any(p => p.SubjectId == v.SubjectId && p.VisitCode == v.Code)));
                }
                todo.AddRange(d.EcrfPageCodes.Select(code => new VisitTodoItem("ecrf", code, pages.Any(p => p.VisitId == v.Id && p.PageCode == code))));
                todo.AddRange(d.FeeCodes.Select(code => new VisitTodoItem("fee", code, v.Status == SubjectVisitStatus.Done)));
            }
            return SubjectVisitDto.From(v, todo);
        })];
    }
}

/// <summary>One item of a visit's to-do list: an exam to order and have resulted, the drug to dispense, a page to fill, a fee.</summary>
public sealed record VisitTodoItem(string Kind, string Code, bool Done);

public sealed record SubjectVisitDto(Guid Id, string Code, string Name, int Sequence, DateOnly? Target, DateOnly? WindowStart, DateOnly? WindowEnd,
    SubjectVisitStatus Status, DateOnly? ActualDate, bool OutOfWindow, string? Notes, IReadOnlyList<VisitTodoItem> Todo)
{
    public static SubjectVisitDto From(SubjectVisit v, IReadOnlyList<VisitTodoItem> todo) =>
        new(v.Id, v.Code, v.Name, v.Sequence, v.Target, v.WindowStart, v.WindowEnd, v.Status, v.ActualDate, v.OutOfWindow, v.Notes, todo);
}
