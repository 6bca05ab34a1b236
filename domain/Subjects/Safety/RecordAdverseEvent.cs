using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Safety;

/// <summary>
/// Records an adverse event of a subject (O14), by the PI or a sub-investigator. A serious one starts the 24-hour
/// reporting clock (the caller starts O15 with <see cref="AdverseEventChange.StartedClock"/> in the same transaction).
/// Grade and enumerations arrive as text so that a wrong value is a field error, never a 500.
/// </summary>
public sealed record RecordAdverseEvent(Guid SubjectId, string? Term, DateOnly? OnsetDate, int? Grade, bool Serious, IReadOnlyList<string>? SeriousCriteria,
    string? Causality, string? Outcome, string? Description) : ICommand<AdverseEventChange>, IValidatable
{
    public void Validate(Validator v)
    {
        v.Required("term", Term, AdverseEvent.TermMax)
            .Must(OnsetDate is not null, "onsetDate", "onsetDate is required.")
            .Must(Grade is >= AdverseEventTerms.MinGrade and <= AdverseEventTerms.MaxGrade, "grade", "The CTCAE grade is 1 to 5.")
            .Must(AdverseEventTerms.TryParse<Causality>(Causality, out _), "causality", $"causality is one of {AdverseEventTerms.Names<Causality>()}.")
            .Must(AdverseEventTerms.TryParse<AdverseEventOutcome>(Outcome, out _), "outcome", $"outcome is one of {AdverseEventTerms.Names<AdverseEventOutcome>()}.")
            .Optional("description", Description, AdverseEvent.DescriptionMax);
        SafetySteps.ValidateCriteria(v, Serious, SeriousCriteria);
        var fatal = Outcome == nameof(AdverseEventOutcome.Fatal);
        v.Must(Grade != AdverseEventTerms.MaxGrade || fatal, "outcome", "A grade 5 event is fatal: its outcome is Fatal.")
            .Must(!fatal || Grade == AdverseEventTerms.MaxGrade, "grade", "A fatal event is grade 5.")
            .Must(!fatal || Serious, "serious", "A fatal event is serious (criterion death).");
    }
}

public sealed class RecordAdverseEventHandler(CtmsDbContext db, SubjectStore subjects, SafetySteps steps, TimeProvider clock)
    : ICommandHandler<RecordAdverseEvent, AdverseEventChange>
{
    public async ValueTask<AdverseEventChange> Handle(RecordAdverseEvent command, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(command.SubjectId, ProjectActions.SafetyReport, ct);
        if (subject.ConsentedAt is null)
        {
            throw new ConflictException("Adverse events are recorded from the informed consent on: this subject has not consented.");
        }
        var now = clock.GetUtcNow();
        if (command.OnsetDate!.Value > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainValidationException(new Dictionary<string, string[]> { ["onsetDate"] = ["The onset date is not in the future."] });
        }
        var number = await db.AdverseEvents.Where(e => e.SubjectId == subject.Id).Select(e => (int?)e.Number).MaxAsync(ct) ?? 0;
        var causality = AdverseEventTerms.Parse<Causality>(command.Causality);
        var outcome = AdverseEventTerms.Parse<AdverseEventOutcome>(command.Outcome);
        var ae = new AdverseEvent(subject, number + 1, command.Term!.Trim(), command.OnsetDate.Value, command.Grade!.Value, causality, outcome,
            string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim(), subjects.UserName, now);
        db.AdverseEvents.Add(ae);
        SaeClock? started = null;
        if (command.Serious && ae.MakeSerious(command.SeriousCriteria ?? [], now))
        {
            started = await steps.ClockAsync(ae, subject, ct);
        }
        await db.SaveChangesAsync(ct);
        return new AdverseEventChange(await steps.ViewAsync(ae, ct), started);
    }
}
