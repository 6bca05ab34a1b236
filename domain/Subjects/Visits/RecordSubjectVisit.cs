using System.Globalization;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Deviations;
using Ctms.Domain.Subjects.Recruitment;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Visits;

/// <summary>
/// Records that a visit of the subject's schedule took place (O11). Outside its window it is recorded all the same, flagged
/// out of window, with an <see cref="DeviationKind.OutOfWindowVisit"/> candidate; an exam of its content never ordered
/// gives a <see cref="DeviationKind.MissedExam"/> candidate. A code not in the schedule is a 404, a subject not on study a 409.
/// </summary>
public sealed record RecordSubjectVisit(Guid SubjectId, string Code, DateOnly ActualDate, string? Notes) : ICommand<SubjectVisitDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(Code), Code, Protocol.VisitDefinition.CodeMax)
        .Must(ActualDate != default, nameof(ActualDate), "ActualDate is required.")
        .Optional(nameof(Notes), Notes, SubjectVisit.NotesMax);
}

public sealed class RecordSubjectVisitHandler(SubjectStore subjects, SubjectSchedule schedule, DeviationCandidates deviations, CtmsDbContext db,
    ConsentRules consents, TimeProvider clock) : ICommandHandler<RecordSubjectVisit, SubjectVisitDto>
{
    public async ValueTask<SubjectVisitDto> Handle(RecordSubjectVisit command, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(command.SubjectId, ProjectActions.SubjectsVisit, ct);
        var visit = await schedule.VisitAsync(subject, command.Code.Trim(), ct);
        if (!SubjectLifecycle.OnStudy.Contains(subject.Status))
        {
            throw new ConflictException($"The subject is {SubjectLifecycle.Name(subject.Status)}: visits are recorded only for a subject on study.");
        }
        // A subject due for re-consent (a newer ICF approved since they signed) is not visited until they sign it.
        await consents.EnsureCurrentAsync(subject, ct);
        var now = clock.GetUtcNow();
        if (command.ActualDate > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw DomainValidationException.For(nameof(command.ActualDate), "A visit cannot be recorded for a future date.");
        }
        if (visit.Status == SubjectVisitStatus.Done)
        {
            throw new ConflictException($"Visit {visit.Code} was already recorded on {visit.ActualDate:yyyy-MM-dd}.");
        }
        if (visit.Status == SubjectVisitStatus.Cancelled)
        {
            throw new ConflictException($"Visit {visit.Code} was cancelled when the subject left the study.");
        }
        var label = await subjects.LabelAsync(subject, ct);
        if (visit.Record(command.ActualDate, string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim(), subjects.UserName, now))
        {
            var window = visit.WindowStart is null
                ? "its window is not known yet"
                : string.Create(CultureInfo.InvariantCulture, $"its window is {visit.WindowStart:yyyy-MM-dd} to {visit.WindowEnd:yyyy-MM-dd}");
            await deviations.RecordAsync(subject.ProjectId, subject.Id, DeviationKind.OutOfWindowVisit,
                string.Create(CultureInfo.InvariantCulture, $"Visit {visit.Code} of subject {label} took place on {visit.ActualDate:yyyy-MM-dd}; {window}."),
                $"visit:{visit.Id}", subjects.UserName, ct);
        }
        var definition = await db.VisitDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.ProjectId == subject.ProjectId && d.Code == visit.Code, ct);
        var ordered = await db.VisitExamOrders.AsNoTracking().Where(o => o.VisitId == visit.Id && o.CancelledAt == null).Select(o => o.ExamCode).ToListAsync(ct);
        foreach (var exam in definition?.ExamCodes.Except(ordered, StringComparer.Ordinal) ?? [])
        {
            await deviations.RecordAsync(subject.ProjectId, subject.Id, DeviationKind.MissedExam,
                $"Exam {exam} of visit {visit.Code} of subject {label} was not ordered by the visit.", $"visit:{visit.Id}:{exam}", subjects.UserName, ct);
        }
        // The next visits counted from this one move with its actual day.
        await schedule.EnsureAsync(subject, ct);
        await db.SaveChangesAsync(ct);
        return (await schedule.ViewAsync([visit], ct))[0];
    }
}
