using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Deviations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Safety;

/// <summary>
/// An SAE report (O15) by the PI or a sub-investigator: the initial one first (late after its 24-hour deadline, which
/// records a <see cref="DeviationKind.LateSaeReport"/> candidate), then follow-ups, then the final one, after which the
/// event takes no more reports. The caller tells the O15 instance (message <c>sae-report-submitted</c>).
/// </summary>
public sealed record SubmitSaeReport(Guid AdverseEventId, string? Kind, string? Narrative) : ICommand<SaeReportSubmitted>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(AdverseEventTerms.TryParse<SaeReportKind>(Kind, out _), "kind", $"kind is one of {AdverseEventTerms.Names<SaeReportKind>()}.")
        .Required("narrative", Narrative, SaeReport.NarrativeMax);
}

/// <summary>The report, with what the process needs to go on: the event's reference and the subject's label.</summary>
public sealed record SaeReportSubmitted(SaeReportDto Report, string Reference, string SubjectLabel, Guid ProjectId);

public sealed class SubmitSaeReportHandler(CtmsDbContext db, SafetySteps steps, SubjectStore subjects, DeviationCandidates deviations, TimeProvider clock)
    : ICommandHandler<SubmitSaeReport, SaeReportSubmitted>
{
    public async ValueTask<SaeReportSubmitted> Handle(SubmitSaeReport command, CancellationToken ct)
    {
        var (ae, subject) = await steps.LoadAsync(command.AdverseEventId, ProjectActions.SafetyReport, ct);
        if (!ae.Serious)
        {
            throw new ConflictException($"AE {ae.Number} is not serious: only serious adverse events are reported to the sponsor and the ethics committee.");
        }
        var kind = AdverseEventTerms.Parse<SaeReportKind>(command.Kind);
        var earlier = await db.SaeReports.Where(r => r.AdverseEventId == ae.Id).OrderBy(r => r.Sequence).ToListAsync(ct);
        if (kind == SaeReportKind.Initial && earlier.Count > 0)
        {
            throw new ConflictException($"AE {ae.Number} already has its initial report; send a follow-up or the final report.");
        }
        if (kind != SaeReportKind.Initial && earlier.Count == 0)
        {
            throw new ConflictException($"AE {ae.Number} has no initial report yet: the initial report comes first.");
        }
        if (earlier.Any(r => r.Kind == SaeReportKind.Final))
        {
            throw new ConflictException($"AE {ae.Number} has its final report: it takes no more reports.");
        }
        var now = clock.GetUtcNow();
        var report = new SaeReport(ae, earlier.Count + 1, kind, command.Narrative!.Trim(), kind == SaeReportKind.Initial ? ae.ReportDueAt : null,
            subjects.UserName, now);
        db.SaeReports.Add(report);
        var protocol = await db.Projects.AsNoTracking().Where(p => p.Id == ae.ProjectId).Select(p => p.ProtocolNumber).SingleAsync(ct);
        var label = SubjectLabel.Of(protocol, subject.ScreeningNumber, subject.Initials);
        if (report.Late)
        {
            var hours = (now - ae.SeriousSince!.Value).TotalHours;
            await deviations.RecordAsync(ae.ProjectId, ae.SubjectId, DeviationKind.LateSaeReport,
                $"The initial report of SAE {ae.Number} ({ae.Term}) of subject {label} was submitted {hours:0.#} hours after the investigator learned of it (due within 24 hours).",
                $"sae:{ae.Id}", subjects.UserName, ct);
        }
        await db.SaveChangesAsync(ct);
        return new SaeReportSubmitted(SaeReportDto.Of(report), AdverseEvent.ReportReference(protocol, subject.ScreeningNumber, ae.Number), label,
            ae.ProjectId);
    }
}
