using System.Text.RegularExpressions;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Protocol;

public sealed record ProtocolRulesDto(string ScreeningNumberRule, string SubjectNumberRule, int WashoutDays);

public sealed record StudyArmDto(string Code, string Name, int Ratio, string? Description)
{
    public static StudyArmDto From(StudyArm a) => new(a.Code, a.Name, a.Ratio, a.Description);
}

public sealed record VisitDefinitionDto(string Code, string Name, int Sequence, VisitReference Reference, int OffsetDays, int WindowBeforeDays,
    int WindowAfterDays, IReadOnlyList<string> Exams, bool Dispensing, IReadOnlyList<string> EcrfPages, IReadOnlyList<string> Fees)
{
    public static VisitDefinitionDto From(VisitDefinition v) => new(v.Code, v.Name, v.Sequence, v.Reference, v.OffsetDays, v.WindowBeforeDays,
        v.WindowAfterDays, v.ExamCodes, v.Dispensing, v.EcrfPageCodes, v.FeeCodes);
}

public sealed record EcrfPageSummaryDto(string Code, int Version, string Title, EcrfPageStatus Status)
{
    public static EcrfPageSummaryDto From(EcrfPage p) => new(p.Code, p.Version, p.Title, p.Status);
}

public sealed record EcrfPageDto(string Code, int Version, string Title, EcrfPageStatus Status, string Schema, IReadOnlyList<EditCheck> EditChecks,
    DateTimeOffset? ReleasedAt)
{
    public static EcrfPageDto From(EcrfPage p) => new(p.Code, p.Version, p.Title, p.Status, p.Schema, p.Checks, p.ReleasedAt);
}

public sealed record CriterionDto(string Code, CriterionKind Kind, string Text, string Expression, int Sequence)
{
    public static CriterionDto From(EligibilityCriterion c) => new(c.Code, c.Kind, c.Text, c.Expression, c.Sequence);
}

/// <summary>A project's protocol configuration as a whole (O02-O04): what the setup page and the go-live check show.</summary>
public sealed record ProtocolDto(ProtocolRulesDto Rules, int ScheduleVersion, DateTimeOffset? GoLiveAt, IReadOnlyList<StudyArmDto> Arms,
    IReadOnlyList<VisitDefinitionDto> Visits, IReadOnlyList<EcrfPageSummaryDto> EcrfPages, IReadOnlyList<CriterionDto> Criteria);

/// <summary>The codes of arms, visits, pages and criteria: short, without spaces, so they read well in exports (ODM OIDs).</summary>
public static partial class ProtocolCodes
{
    public const int Max = 32;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex Pattern();

    public static Validator Code(this Validator v, string field, string? code) => v
        .Required(field, code, Max)
        .Must(string.IsNullOrEmpty(code) || Pattern().IsMatch(code), field, "A code holds letters, digits, '_', '.' and '-' only.");
}

/// <summary>The project's protocol configuration (anyone who may read its subjects).</summary>
public sealed record GetProtocol(Guid ProjectId) : IQuery<ProtocolDto>;

public sealed class GetProtocolHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user) : IQueryHandler<GetProtocol, ProtocolDto>
{
    public async ValueTask<ProtocolDto> Handle(GetProtocol query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.ReadSubjects, query.ProjectId, ct);
        var setup = await db.ProtocolSetups.AsNoTracking().SingleOrDefaultAsync(s => s.ProjectId == query.ProjectId, ct) ?? new ProtocolSetup(query.ProjectId);
        var arms = await db.StudyArms.AsNoTracking().Where(a => a.ProjectId == query.ProjectId).ToListAsync(ct);
        var visits = await db.VisitDefinitions.AsNoTracking().Where(v => v.ProjectId == query.ProjectId).ToListAsync(ct);
        var pages = await db.EcrfPages.AsNoTracking().Where(p => p.ProjectId == query.ProjectId).ToListAsync(ct);
        var criteria = await db.EligibilityCriteria.AsNoTracking().Where(c => c.ProjectId == query.ProjectId).ToListAsync(ct);
        return new ProtocolDto(new ProtocolRulesDto(setup.ScreeningNumberRule, setup.SubjectNumberRule, setup.WashoutDays), setup.ScheduleVersion,
            setup.GoLiveAt,
            [.. arms.OrderBy(a => a.Code, StringComparer.Ordinal).Select(StudyArmDto.From)],
            [.. visits.OrderBy(v => v.Sequence).ThenBy(v => v.Code, StringComparer.Ordinal).Select(VisitDefinitionDto.From)],
            [.. pages.OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.Version).Select(EcrfPageSummaryDto.From)],
            [.. criteria.OrderBy(c => c.Kind).ThenBy(c => c.Sequence).ThenBy(c => c.Code, StringComparer.Ordinal).Select(CriterionDto.From)]);
    }
}

/// <summary>The numbering rules and the wash-out period (O02, O09).</summary>
public sealed record SetProtocolRules(Guid ProjectId, string? ScreeningNumberRule, string? SubjectNumberRule, int WashoutDays) : ICommand, IValidatable
{
    public const int MaxWashoutDays = 3650;

    public void Validate(Validator v) => v
        .Must(NumberingRule.Error(ScreeningNumberRule) is null, nameof(ScreeningNumberRule), NumberingRule.Error(ScreeningNumberRule) ?? "")
        .Must(NumberingRule.Error(SubjectNumberRule) is null, nameof(SubjectNumberRule), NumberingRule.Error(SubjectNumberRule) ?? "")
        .Must(WashoutDays is >= 0 and <= MaxWashoutDays, nameof(WashoutDays), $"The wash-out period is 0 to {MaxWashoutDays} days.");
}

public sealed class SetProtocolRulesHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SubjectStore store) : ICommandHandler<SetProtocolRules>
{
    public async ValueTask<Unit> Handle(SetProtocolRules command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsConfigure, command.ProjectId, ct);
        var setup = await store.SetupAsync(command.ProjectId, ct);
        if (setup.ScreeningCount > 0 && setup.ScreeningNumberRule != command.ScreeningNumberRule
            || setup.SubjectCount > 0 && setup.SubjectNumberRule != command.SubjectNumberRule)
        {
            throw new ConflictException("Numbers were already given by this rule: it cannot change any more.");
        }
        setup.SetRules(command.ScreeningNumberRule!, command.SubjectNumberRule!, command.WashoutDays);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

/// <summary>Adds or changes an arm (O02).</summary>
public sealed record SaveStudyArm(Guid ProjectId, string Code, string? Name, int Ratio, string? Description) : ICommand<StudyArmDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Code(nameof(Code), Code)
        .Required(nameof(Name), Name, StudyArm.NameMax)
        .Optional(nameof(Description), Description, StudyArm.DescriptionMax)
        .Must(Ratio is >= 1 and <= 20, nameof(Ratio), "The ratio is a whole number from 1 to 20.");
}

public sealed class SaveStudyArmHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user) : ICommandHandler<SaveStudyArm, StudyArmDto>
{
    public async ValueTask<StudyArmDto> Handle(SaveStudyArm command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsConfigure, command.ProjectId, ct);
        var arm = await db.StudyArms.SingleOrDefaultAsync(a => a.ProjectId == command.ProjectId && a.Code == command.Code, ct);
        if (arm is null)
        {
            arm = new StudyArm(command.ProjectId, command.Code, command.Name!.Trim(), command.Ratio, command.Description);
            db.StudyArms.Add(arm);
        }
        else
        {
            arm.Update(command.Name!.Trim(), command.Ratio, command.Description);
        }
        await db.SaveChangesAsync(ct);
        return StudyArmDto.From(arm);
    }
}

/// <summary>Adds or changes a visit of the schedule (O02); the schedule takes effect when published.</summary>
public sealed record SaveVisitDefinition(Guid ProjectId, string Code, string? Name, int Sequence, VisitReference Reference, int OffsetDays,
    int WindowBeforeDays, int WindowAfterDays, IReadOnlyList<string>? Exams, bool Dispensing, IReadOnlyList<string>? EcrfPages,
    IReadOnlyList<string>? Fees) : ICommand<VisitDefinitionDto>, IValidatable
{
    public const int MaxDays = 3650;

    public void Validate(Validator v)
    {
        v.Code(nameof(Code), Code)
            .Required(nameof(Name), Name, VisitDefinition.NameMax)
            .Must(Sequence is >= 1 and <= 999, nameof(Sequence), "The sequence is 1 to 999.")
            .Must(Enum.IsDefined(Reference), nameof(Reference), "The reference is Consent, Randomization or PreviousVisit.")
            .Must(Math.Abs(OffsetDays) <= MaxDays, nameof(OffsetDays), $"The offset is at most {MaxDays} days either way.")
            .Must(WindowBeforeDays is >= 0 and <= 365, nameof(WindowBeforeDays), "The window before is 0 to 365 days.")
            .Must(WindowAfterDays is >= 0 and <= 365, nameof(WindowAfterDays), "The window after is 0 to 365 days.")
            .Must(Reference != VisitReference.PreviousVisit || OffsetDays >= 0, nameof(OffsetDays), "A visit after the previous one cannot come before it.");
        foreach (var (field, codes) in new[] { (nameof(Exams), Exams), (nameof(EcrfPages), EcrfPages), (nameof(Fees), Fees) })
        {
            foreach (var code in codes ?? [])
            {
                v.Code(field, code);
            }
            v.Must((codes ?? []).Distinct(StringComparer.Ordinal).Count() == (codes ?? []).Count, field, "A code is listed twice.");
        }
    }
}

public sealed class SaveVisitDefinitionHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : ICommandHandler<SaveVisitDefinition, VisitDefinitionDto>
{
    public async ValueTask<VisitDefinitionDto> Handle(SaveVisitDefinition c, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsConfigure, c.ProjectId, ct);
        var visit = await db.VisitDefinitions.SingleOrDefaultAsync(v => v.ProjectId == c.ProjectId && v.Code == c.Code, ct);
        if (visit is null)
        {
            visit = new VisitDefinition(c.ProjectId, c.Code, c.Name!.Trim(), c.Sequence, c.Reference, c.OffsetDays, c.WindowBeforeDays, c.WindowAfterDays);
            db.VisitDefinitions.Add(visit);
        }
        else
        {
            visit.Update(c.Name!.Trim(), c.Sequence, c.Reference, c.OffsetDays, c.WindowBeforeDays, c.WindowAfterDays);
        }
        visit.SetContent(c.Exams ?? [], c.Dispensing, c.EcrfPages ?? [], c.Fees ?? []);
        await db.SaveChangesAsync(ct);
        return VisitDefinitionDto.From(visit);
    }
}

/// <summary>Publishes the visit schedule (O02): subjects enrolled from now on get their visits from this version.</summary>
public sealed record PublishVisitSchedule(Guid ProjectId) : ICommand<int>;

public sealed class PublishVisitScheduleHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SubjectStore store, TimeProvider clock)
    : ICommandHandler<PublishVisitSchedule, int>
{
    public async ValueTask<int> Handle(PublishVisitSchedule command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsConfigure, command.ProjectId, ct);
        var visits = await db.VisitDefinitions.AsNoTracking().Where(v => v.ProjectId == command.ProjectId).ToListAsync(ct);
        if (visits.Count == 0)
        {
            throw new ConflictException("The schedule has no visit to publish.");
        }
        var first = visits.OrderBy(v => v.Sequence).First();
        if (first.Reference == VisitReference.PreviousVisit)
        {
            throw new ConflictException($"The first visit ({first.Code}) has no previous visit to count from.");
        }
        var duplicate = visits.GroupBy(v => v.Sequence).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ConflictException($"Visits {string.Join(", ", duplicate.Select(v => v.Code))} share the sequence {duplicate.Key}.");
        }
        var setup = await store.SetupAsync(command.ProjectId, ct);
        var version = setup.PublishSchedule(store.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return version;
    }
}

/// <summary>
/// Designs an e-CRF page (O03): the form-js schema from the studio's form editor and the edit checks (FEEL that must be
/// true). Changes the draft version, or opens a new draft after a release.
/// </summary>
public sealed record SaveEcrfPage(Guid ProjectId, string Code, string? Title, string? Schema, IReadOnlyList<EditCheck>? EditChecks)
    : ICommand<EcrfPageSummaryDto>, IValidatable
{
    public void Validate(Validator v)
    {
        v.Code(nameof(Code), Code)
            .Required(nameof(Title), Title, EcrfPage.TitleMax)
            .Required(nameof(Schema), Schema, EcrfPage.SchemaMax);
        var checks = EditChecks ?? [];
        foreach (var check in checks)
        {
            v.Code(nameof(EditChecks), check.Code)
                .Required(nameof(EditChecks), check.Field, 100)
                .Required(nameof(EditChecks), check.Expression, EligibilityCriterion.ExpressionMax)
                .Required(nameof(EditChecks), check.Message, 500);
        }
        v.Must(checks.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() == checks.Count, nameof(EditChecks), "Two edit checks share a code.");
    }
}

public sealed class SaveEcrfPageHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SubjectStore store, IEcrfFormChecker forms,
    IConditionEvaluator feel, TimeProvider clock) : ICommandHandler<SaveEcrfPage, EcrfPageSummaryDto>
{
    public async ValueTask<EcrfPageSummaryDto> Handle(SaveEcrfPage c, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsConfigure, c.ProjectId, ct);
        var v = new Validator();
        if (forms.SchemaError(c.Schema!) is { } schemaError)
        {
            v.Add(nameof(c.Schema), schemaError);
        }
        foreach (var check in c.EditChecks ?? [])
        {
            if (feel.SyntaxError(check.Expression) is { } error)
            {
                v.Add(nameof(c.EditChecks), $"Edit check {check.Code}: {error}");
            }
        }
        v.ThrowIfInvalid();
        var checks = JsonColumn.Write((c.EditChecks ?? []).ToList());
        var latest = await db.EcrfPages.Where(p => p.ProjectId == c.ProjectId && p.Code == c.Code).OrderByDescending(p => p.Version)
            .FirstOrDefaultAsync(ct);
        if (latest is { Status: EcrfPageStatus.Draft })
        {
            latest.Edit(c.Title!.Trim(), c.Schema!, checks);
        }
        else
        {
            latest = new EcrfPage(c.ProjectId, c.Code, (latest?.Version ?? 0) + 1, c.Title!.Trim(), c.Schema!, checks, store.UserName, clock.GetUtcNow());
            db.EcrfPages.Add(latest);
        }
        await db.SaveChangesAsync(ct);
        return EcrfPageSummaryDto.From(latest);
    }
}

/// <summary>Releases the draft of an e-CRF page for data entry (O03); the version released before is superseded.</summary>
public sealed record ReleaseEcrfPage(Guid ProjectId, string Code) : ICommand<EcrfPageSummaryDto>;

public sealed class ReleaseEcrfPageHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SubjectStore store, TimeProvider clock)
    : ICommandHandler<ReleaseEcrfPage, EcrfPageSummaryDto>
{
    public async ValueTask<EcrfPageSummaryDto> Handle(ReleaseEcrfPage c, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsConfigure, c.ProjectId, ct);
        var versions = await db.EcrfPages.Where(p => p.ProjectId == c.ProjectId && p.Code == c.Code).OrderByDescending(p => p.Version).ToListAsync(ct);
        var latest = versions.FirstOrDefault() ?? throw new NotFoundException($"e-CRF page {c.Code} was not found.");
        latest.Release(store.UserName, clock.GetUtcNow());
        foreach (var older in versions.Skip(1).Where(p => p.Status == EcrfPageStatus.Released))
        {
            older.Supersede();
        }
        await db.SaveChangesAsync(ct);
        return EcrfPageSummaryDto.From(latest);
    }
}

/// <summary>An e-CRF page with its schema: the latest released version, or the draft when none is released.</summary>
public sealed record GetEcrfPage(Guid ProjectId, string Code) : IQuery<EcrfPageDto>;

public sealed class GetEcrfPageHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user) : IQueryHandler<GetEcrfPage, EcrfPageDto>
{
    public async ValueTask<EcrfPageDto> Handle(GetEcrfPage q, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.ReadSubjects, q.ProjectId, ct);
        var versions = await db.EcrfPages.AsNoTracking().Where(p => p.ProjectId == q.ProjectId && p.Code == q.Code).ToListAsync(ct);
        var page = versions.Where(p => p.Status == EcrfPageStatus.Released).MaxBy(p => p.Version) ?? versions.MaxBy(p => p.Version)
                   ?? throw new NotFoundException($"e-CRF page {q.Code} was not found.");
        return EcrfPageDto.From(page);
    }
}

/// <summary>Adds or changes an eligibility criterion (O04): its FEEL must parse (400 here, never at screening).</summary>
public sealed record SaveEligibilityCriterion(Guid ProjectId, string Code, CriterionKind Kind, string? Text, string? Expression, int Sequence)
    : ICommand<CriterionDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Code(nameof(Code), Code)
        .Must(Enum.IsDefined(Kind), nameof(Kind), "The kind is Inclusion or Exclusion.")
        .Required(nameof(Text), Text, EligibilityCriterion.TextMax)
        .Required(nameof(Expression), Expression, EligibilityCriterion.ExpressionMax)
        .Must(Sequence is >= 0 and <= 999, nameof(Sequence), "The sequence is 0 to 999.");
}

public sealed class SaveEligibilityCriterionHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, IConditionEvaluator feel)
    : ICommandHandler<SaveEligibilityCriterion, CriterionDto>
{
    public async ValueTask<CriterionDto> Handle(SaveEligibilityCriterion c, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsConfigure, c.ProjectId, ct);
        if (feel.SyntaxError(c.Expression!) is { } error)
        {
            throw DomainValidationException.For(nameof(c.Expression), error);
        }
        var criterion = await db.EligibilityCriteria.SingleOrDefaultAsync(x => x.ProjectId == c.ProjectId && x.Code == c.Code, ct);
        if (criterion is null)
        {
            criterion = new EligibilityCriterion(c.ProjectId, c.Code, c.Kind, c.Text!.Trim(), c.Expression!.Trim(), c.Sequence);
            db.EligibilityCriteria.Add(criterion);
        }
        else
        {
            criterion.Update(c.Kind, c.Text!.Trim(), c.Expression!.Trim(), c.Sequence);
        }
        await db.SaveChangesAsync(ct);
        return CriterionDto.From(criterion);
    }
}
