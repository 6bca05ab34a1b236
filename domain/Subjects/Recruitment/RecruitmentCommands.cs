using System.Text.Json.Nodes;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Gate;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Patients;
using Ctms.Domain.Integration.Privacy;
using Ctms.Domain.Subjects.Protocol;
using Ctms.Domain.Subjects.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Recruitment;

/// <summary>A hospital patient found for pre-screening (O06), with the trial conflicts: shown, never stored.</summary>
public sealed record CandidateView(string HospitalId, string Mrn, string FullName, string Initials, DateOnly? BirthDate, string? Sex,
    IReadOnlyList<HospitalCode> Diagnoses, Guid? PatientId, IReadOnlyList<TrialConflict> Conflicts);

/// <summary>Searches the hospital for candidates (O06) and flags those in another running study or in a wash-out period.</summary>
public sealed record SearchCandidates(Guid ProjectId, string? Mrn, string? Name, DateOnly? BirthDate, string? Diagnosis, int? Limit = null)
    : IQuery<IReadOnlyList<CandidateView>>;

public sealed class SearchCandidatesHandler(IMediator mediator, CtmsDbContext db, TrialConflicts conflicts, TimeProvider clock)
    : IQueryHandler<SearchCandidates, IReadOnlyList<CandidateView>>
{
    public async ValueTask<IReadOnlyList<CandidateView>> Handle(SearchCandidates q, CancellationToken ct)
    {
        var found = await mediator.Send(new SearchHospitalPatients(q.ProjectId, q.Mrn, q.Name, q.BirthDate, q.Diagnosis, q.Limit), ct);
        var washout = await db.ProtocolSetups.AsNoTracking().Where(s => s.ProjectId == q.ProjectId).Select(s => (int?)s.WashoutDays).SingleOrDefaultAsync(ct) ?? 0;
        var ids = found.Where(p => p.PatientId is not null).Select(p => p.PatientId!.Value).ToList();
        var flagged = await conflicts.FindAsync(q.ProjectId, ids, washout, clock.GetUtcNow(), ct);
        return [.. found.Select(p => new CandidateView(p.HospitalId, p.Mrn, p.FullName, p.Initials, p.BirthDate, p.Sex, p.Diagnoses, p.PatientId,
            p.PatientId is { } id && flagged.TryGetValue(id, out var list) ? list : []))];
    }
}

/// <summary>Shared checks of the recruitment steps.</summary>
internal static class RecruitmentRules
{
    public static void EnsureLive(ProtocolSetup setup)
    {
        if (setup.GoLiveAt is null)
        {
            throw new ConflictException("The study has not gone live: the go-live check (O05) must pass first.");
        }
    }

    public static void EnsureScreening(Subject subject, string what)
    {
        if (subject.Status != SubjectStatus.Screening)
        {
            throw new ConflictException($"The subject is {SubjectLifecycle.Name(subject.Status)}: only a subject in screening can be {what}.");
        }
    }

    public static async Task<string> ProtocolNumberAsync(CtmsDbContext db, Guid projectId, CancellationToken ct) =>
        await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.ProtocolNumber).SingleAsync(ct);
}

/// <summary>
/// Takes a registered patient into screening (O08): after the go-live, with the ethics gate open, and not while the patient
/// is an active subject of this or another running study or within the wash-out period. The screening number comes from
/// the project's rule.
/// </summary>
public sealed record CreateSubject(Guid ProjectId, Guid PatientId) : ICommand<SubjectDto>, IValidatable
{
    public void Validate(Validator v) => v.Must(PatientId != Guid.Empty, nameof(PatientId), "PatientId is required.");
}

public sealed class CreateSubjectHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SubjectStore store, PatientRegistry registry,
    IEnrollmentGate gate, TrialConflicts conflicts, SubjectViews views, TimeProvider clock) : ICommandHandler<CreateSubject, SubjectDto>
{
    public async ValueTask<SubjectDto> Handle(CreateSubject c, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsScreen, c.ProjectId, ct);
        var patient = await ProjectPatients.GetAsync(db, registry, c.ProjectId, c.PatientId, ct);
        var now = clock.GetUtcNow();
        var setup = await store.SetupAsync(c.ProjectId, ct);
        RecruitmentRules.EnsureLive(setup);
        await gate.EnsureOpenAsync(c.ProjectId, now, ct);
        if (await db.Subjects.AnyAsync(s => s.ProjectId == c.ProjectId && s.PatientId == patient.Id
                                            && SubjectLifecycle.Active.Contains(s.Status), ct))
        {
            throw new ConflictException("The patient is already a subject of this study.");
        }
        var found = await conflicts.FindAsync(c.ProjectId, [patient.Id], setup.WashoutDays, now, ct);
        if (found.TryGetValue(patient.Id, out var list))
        {
            throw new ConflictException("The patient cannot be screened: " + string.Join(" ", list.Select(x => x.Detail)));
        }
        var protocol = await RecruitmentRules.ProtocolNumberAsync(db, c.ProjectId, ct);
        var number = NumberingRule.Format(setup.ScreeningNumberRule, setup.NextScreening(), protocol, NumberingRule.DefaultSite, now);
        if (await db.Subjects.AnyAsync(s => s.ProjectId == c.ProjectId && s.ScreeningNumber == number, ct))
        {
            throw new ConflictException($"The screening number {number} is taken: change the screening number rule.");
        }
        var subject = new Subject(c.ProjectId, patient.Id, patient.Initials, number, store.UserName, now);
        db.Subjects.Add(subject);
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(subject, ct);
    }
}

public sealed record ConsentRecordedDto(Guid Id, Guid ConsentVersionId, int VersionNumber, ConsentKind Kind, DateOnly SignedOn);

/// <summary>
/// Records the subject's signed informed consent (O07) on the ICF version the ethics committee approved (the gate's):
/// the first consent, or a re-consent on a newer approved version. Refused while the gate is closed.
/// </summary>
public sealed record RecordSubjectConsent(Guid SubjectId, DateOnly SignedOn, string? Witness) : ICommand<ConsentRecordedDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(SignedOn != default, nameof(SignedOn), "SignedOn is required.")
        .Optional(nameof(Witness), Witness, SubjectConsent.NameMax);
}

public sealed class RecordSubjectConsentHandler(CtmsDbContext db, SubjectStore store, IEnrollmentGate gate, TimeProvider clock)
    : ICommandHandler<RecordSubjectConsent, ConsentRecordedDto>
{
    public async ValueTask<ConsentRecordedDto> Handle(RecordSubjectConsent c, CancellationToken ct)
    {
        var subject = await store.GetAsync(c.SubjectId, ProjectActions.SubjectsConsent, ct);
        var now = clock.GetUtcNow();
        if (c.SignedOn > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw DomainValidationException.For(nameof(c.SignedOn), "A consent cannot be signed in the future.");
        }
        if (!SubjectLifecycle.IsActive(subject.Status))
        {
            throw new ConflictException($"The subject is {SubjectLifecycle.Name(subject.Status)}: no consent is taken any more.");
        }
        var result = await gate.EvaluateAsync(subject.ProjectId, now, ct);
        if (!result.Open || result.ConsentVersionId is not { } versionId)
        {
            throw new ConflictException($"The ethics gate is closed: {result.Missing}");
        }
        var number = await db.DocumentVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.Number).SingleAsync(ct);
        var previous = await db.SubjectConsents.AsNoTracking().Where(x => x.SubjectId == subject.Id).ToListAsync(ct);
        if (previous.Any(x => x.ConsentVersionId == versionId))
        {
            throw new ConflictException($"The subject already consented on ICF version {number}.");
        }
        var firstSigned = previous.Count == 0 ? (DateOnly?)null : previous.Min(x => x.SignedOn);
        if (firstSigned is { } first && c.SignedOn < first)
        {
            throw DomainValidationException.For(nameof(c.SignedOn), "A re-consent cannot be signed before the first consent.");
        }
        var consent = new SubjectConsent(subject.Id, subject.ProjectId, versionId, number, c.SignedOn, store.UserName,
            string.IsNullOrWhiteSpace(c.Witness) ? null : c.Witness.Trim(), previous.Count == 0 ? ConsentKind.Initial : ConsentKind.Reconsent, now);
        db.SubjectConsents.Add(consent);
        subject.RecordConsent(number, new DateTimeOffset(c.SignedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await db.SaveChangesAsync(ct);
        return new ConsentRecordedDto(consent.Id, versionId, number, consent.Kind, consent.SignedOn);
    }
}

/// <summary>The outcome of a screening: eligible or not, and each criterion's result.</summary>
public sealed record ScreeningResultDto(Guid AssessmentId, bool Eligible, IReadOnlyList<CriterionResult> Criteria);

/// <summary>
/// Enters the screening data and evaluates every eligibility criterion over it (O08): an inclusion passes when met, an
/// exclusion when not met; an undecided criterion (a value missing) does not pass. Needs a consent first.
/// </summary>
public sealed record ScreenSubject(Guid SubjectId, JsonObject? Data) : ICommand<ScreeningResultDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(Data is not null, nameof(Data), "Data is required (an object of the screening values).")
        .Must(Data is null || Data.ToJsonString().Length <= EligibilityAssessment.DataMax, nameof(Data), "The screening data is too large.");
}

public sealed class ScreenSubjectHandler(CtmsDbContext db, SubjectStore store, ConsentRules consents, IConditionEvaluator feel, TimeProvider clock)
    : ICommandHandler<ScreenSubject, ScreeningResultDto>
{
    public async ValueTask<ScreeningResultDto> Handle(ScreenSubject c, CancellationToken ct)
    {
        var subject = await store.GetAsync(c.SubjectId, ProjectActions.SubjectsScreen, ct);
        RecruitmentRules.EnsureScreening(subject, "screened");
        await consents.EnsureCurrentAsync(subject, ct);
        var criteria = await db.EligibilityCriteria.AsNoTracking().Where(x => x.ProjectId == subject.ProjectId).ToListAsync(ct);
        if (criteria.Count == 0)
        {
            throw new ConflictException("The protocol has no eligibility criteria to screen against.");
        }
        var results = Evaluate(criteria, c.Data!, feel);
        var eligible = results.All(r => r.Passes);
        var now = clock.GetUtcNow();
        var assessment = new EligibilityAssessment(subject.Id, subject.ProjectId, c.Data!.ToJsonString(), results, eligible, store.UserName, now);
        db.EligibilityAssessments.Add(assessment);
        subject.RecordEligibility(eligible, now);
        await db.SaveChangesAsync(ct);
        return new ScreeningResultDto(assessment.Id, eligible, results);
    }

    /// <summary>Each criterion over the data, inclusions first, in their sequence.</summary>
    public static IReadOnlyList<CriterionResult> Evaluate(IEnumerable<EligibilityCriterion> criteria, JsonObject data, IConditionEvaluator feel) =>
    [
        .. criteria.OrderBy(x => x.Kind).ThenBy(x => x.Sequence).ThenBy(x => x.Code, StringComparer.Ordinal).Select(x =>
        {
            var value = feel.Evaluate(x.Expression, data);
            var result = value switch { true => CriterionResult.Met, false => CriterionResult.NotMet, null => CriterionResult.Undecided };
            var passes = x.Kind == CriterionKind.Inclusion ? value == true : value == false;
            return new CriterionResult(x.Code, x.Kind, x.Text, result, passes);
        }),
    ];
}

/// <summary>Records a screening failure (O08): the reason is kept, with the criteria the latest assessment did not pass.</summary>
public sealed record FailScreening(Guid SubjectId, string? Reason) : ICommand<SubjectDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Reason), Reason, 1000);
}

public sealed class FailScreeningHandler(CtmsDbContext db, SubjectStore store, SubjectViews views, TimeProvider clock) : ICommandHandler<FailScreening, SubjectDto>
{
    public async ValueTask<SubjectDto> Handle(FailScreening c, CancellationToken ct)
    {
        var subject = await store.GetAsync(c.SubjectId, ProjectActions.SubjectsScreen, ct);
        RecruitmentRules.EnsureScreening(subject, "failed at screening");
        var latest = (await db.EligibilityAssessments.AsNoTracking().Where(a => a.SubjectId == subject.Id).ToListAsync(ct))
            .OrderBy(a => a.AssessedAt).ThenBy(a => a.Id).LastOrDefault();
        var failing = latest?.CriterionResults.Where(r => !r.Passes).Select(r => r.Code).ToList() ?? [];
        var reason = c.Reason!.Trim() + (failing.Count > 0 ? $" (criteria not passed: {string.Join(", ", failing)})" : "");
        db.SubjectStatusChanges.Add(subject.MoveTo(SubjectStatus.ScreenFailed, clock.GetUtcNow(), store.UserName, reason));
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(subject, ct);
    }
}

/// <summary>
/// Enrolls an eligible subject (O09, the PI): after the go-live, with the ethics gate open, the consent on the approved ICF
/// version; the subject number comes from the project's rule and the schedule from the published version.
/// </summary>
public sealed record EnrollSubject(Guid SubjectId) : ICommand<SubjectDto>;

public sealed class EnrollSubjectHandler(CtmsDbContext db, SubjectStore store, ConsentRules consents, IEnrollmentGate gate, SubjectViews views,
    TimeProvider clock) : ICommandHandler<EnrollSubject, SubjectDto>
{
    public async ValueTask<SubjectDto> Handle(EnrollSubject c, CancellationToken ct)
    {
        var subject = await store.GetAsync(c.SubjectId, ProjectActions.SubjectsEnroll, ct);
        RecruitmentRules.EnsureScreening(subject, "enrolled");
        var now = clock.GetUtcNow();
        var setup = await store.SetupAsync(subject.ProjectId, ct);
        RecruitmentRules.EnsureLive(setup);
        var result = await gate.EvaluateAsync(subject.ProjectId, now, ct);
        if (!result.Open)
        {
            throw new ConflictException($"The ethics gate is closed: {result.Missing}");
        }
        await consents.EnsureCurrentAsync(subject, ct);
        var onApproved = await db.SubjectConsents.AsNoTracking().AnyAsync(x => x.SubjectId == subject.Id && x.ConsentVersionId == result.ConsentVersionId, ct);
        if (!onApproved)
        {
            throw new ConflictException("The subject has not consented on the ICF version the ethics committee approved: re-consent first.");
        }
        switch (subject.Eligible)
        {
            case null:
                throw new ConflictException("The subject's eligibility has not been assessed.");
            case false:
                throw new ConflictException("The subject is not eligible: the latest screening did not pass every criterion.");
        }
        var protocol = await RecruitmentRules.ProtocolNumberAsync(db, subject.ProjectId, ct);
        var number = NumberingRule.Format(setup.SubjectNumberRule, setup.NextSubject(), protocol, NumberingRule.DefaultSite, now);
        if (await db.Subjects.AnyAsync(s => s.ProjectId == subject.ProjectId && s.SubjectNumber == number, ct))
        {
            throw new ConflictException($"The subject number {number} is taken: change the subject number rule.");
        }
        db.SubjectStatusChanges.Add(subject.Enroll(number, setup.ScheduleVersion == 0 ? null : setup.ScheduleVersion, store.UserName, now));
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(subject, ct);
    }
}
