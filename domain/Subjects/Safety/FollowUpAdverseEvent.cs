using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Subjects.Safety;

/// <summary>
/// A follow-up of an adverse event (O14): the outcome now, the grade if it changed, a note; optionally the event became
/// serious, which starts the 24-hour reporting clock then. A resolved event takes no more follow-ups.
/// </summary>
public sealed record FollowUpAdverseEvent(Guid AdverseEventId, string? Outcome, int? Grade, string? Note, bool? Serious = null,
    IReadOnlyList<string>? SeriousCriteria = null) : ICommand<AdverseEventChange>, IValidatable
{
    public void Validate(Validator v)
    {
        v.Must(AdverseEventTerms.TryParse<AdverseEventOutcome>(Outcome, out _), "outcome", $"outcome is one of {AdverseEventTerms.Names<AdverseEventOutcome>()}.")
            .Must(Grade is null or (>= AdverseEventTerms.MinGrade and <= AdverseEventTerms.MaxGrade), "grade", "The CTCAE grade is 1 to 5.")
            .Required("note", Note, AdverseEventFollowUp.NoteMax);
        if (Serious == true)
        {
            SafetySteps.ValidateCriteria(v, true, SeriousCriteria);
        }
    }
}

public sealed class FollowUpAdverseEventHandler(CtmsDbContext db, SafetySteps steps, SubjectStore subjects, TimeProvider clock)
    : ICommandHandler<FollowUpAdverseEvent, AdverseEventChange>
{
    public async ValueTask<AdverseEventChange> Handle(FollowUpAdverseEvent command, CancellationToken ct)
    {
        var (ae, subject) = await steps.LoadAsync(command.AdverseEventId, ProjectActions.SafetyReport, ct);
        if (command.Serious == false && ae.Serious)
        {
            throw new ConflictException($"AE {ae.Number} was reported serious; a serious event stays serious (its reports say how it evolved).");
        }
        var outcome = AdverseEventTerms.Parse<AdverseEventOutcome>(command.Outcome);
        var now = clock.GetUtcNow();
        ae.FollowUp(outcome, command.Grade, now);
        SaeClock? started = null;
        if (command.Serious == true && ae.MakeSerious(command.SeriousCriteria ?? [], now))
        {
            started = await steps.ClockAsync(ae, subject, ct);
        }
        db.AdverseEventFollowUps.Add(new AdverseEventFollowUp(ae.Id, ae.Outcome, ae.Grade, ae.Serious, command.Note!.Trim(), subjects.UserName, now));
        await db.SaveChangesAsync(ct);
        return new AdverseEventChange(await steps.ViewAsync(ae, ct), started);
    }
}
