namespace Ctms.Domain.Subjects.Safety;

public sealed record AdverseEventFollowUpDto(Guid Id, AdverseEventOutcome Outcome, int Grade, bool Serious, string Note, string By, DateTimeOffset At);

public sealed record SaeReportDto(Guid Id, Guid AdverseEventId, int Sequence, SaeReportKind Kind, string Narrative, DateTimeOffset? DueAt,
    DateTimeOffset SubmittedAt, string SubmittedBy, bool Late)
{
    public static SaeReportDto Of(SaeReport r) =>
        new(r.Id, r.AdverseEventId, r.Sequence, r.Kind, r.Narrative, r.DueAt, r.SubmittedAt, r.SubmittedBy, r.Late);
}

/// <summary>An adverse event as the safety page shows it: never an arm (the safety part does not read allocations).</summary>
public sealed record AdverseEventDto(Guid Id, Guid SubjectId, Guid ProjectId, int Number, string Term, DateOnly OnsetDate, int Grade, bool Serious,
    IReadOnlyList<string> SeriousCriteria, Causality Causality, AdverseEventOutcome Outcome, string? Description, DateTimeOffset RecordedAt,
    string RecordedBy, DateTimeOffset? SeriousSince, DateTimeOffset? ReportDueAt, bool Reported, IReadOnlyList<AdverseEventFollowUpDto> FollowUps,
    IReadOnlyList<SaeReportDto> Reports)
{
    public static AdverseEventDto Of(AdverseEvent e, IEnumerable<AdverseEventFollowUp> followUps, IEnumerable<SaeReport> reports)
    {
        var reportList = reports.OrderBy(r => r.Sequence).Select(SaeReportDto.Of).ToList();
        return new AdverseEventDto(e.Id, e.SubjectId, e.ProjectId, e.Number, e.Term, e.OnsetDate, e.Grade, e.Serious, e.Criteria, e.Causality,
            e.Outcome, e.Description, e.RecordedAt, e.RecordedBy, e.SeriousSince, e.ReportDueAt, reportList.Count > 0,
            [.. followUps.OrderBy(f => f.At).Select(f => new AdverseEventFollowUpDto(f.Id, f.Outcome, f.Grade, f.Serious, f.Note, f.By, f.At))],
            reportList);
    }
}

/// <summary>
/// What starts the 24-hour clock of O15 for an event that just became serious: the process's variables, with the ethics
/// committee that approved the study (the one its SAE reports go to; null when it has none yet).
/// </summary>
public sealed record SaeClock(Guid AdverseEventId, Guid ProjectId, Guid SubjectId, string SubjectLabel, string ProtocolNumber, string Reference,
    string Term, int Grade, DateTimeOffset AwareAt, DateTimeOffset DueAt, IReadOnlyList<DateTimeOffset> RemindAt, IReadOnlyList<string> Reporters,
    Guid? CommitteeId);

/// <summary>A recorded or followed-up event, with the clock it started (null when it did not become serious now).</summary>
public sealed record AdverseEventChange(AdverseEventDto Event, SaeClock? StartedClock);
