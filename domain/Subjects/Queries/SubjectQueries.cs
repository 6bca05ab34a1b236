using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Recruitment;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Queries;

/// <summary>Builds <see cref="SubjectDto"/>s: the protocol number for the label and the re-consent requirement.</summary>
public sealed class SubjectViews(CtmsDbContext db, ConsentRules consents)
{
    public async Task<SubjectDto> OfAsync(Subject subject, CancellationToken ct = default)
    {
        var protocol = await db.Projects.AsNoTracking().Where(p => p.Id == subject.ProjectId).Select(p => p.ProtocolNumber).SingleAsync(ct);
        return SubjectDto.From(subject, protocol, await consents.RequiredVersionAsync(subject.ProjectId, ct));
    }
}

/// <summary>The subjects of a project (O16's list), optionally of one status, in screening order.</summary>
public sealed record ListSubjects(Guid ProjectId, SubjectStatus? Status) : IQuery<IReadOnlyList<SubjectDto>>;

public sealed class ListSubjectsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, ConsentRules consents)
    : IQueryHandler<ListSubjects, IReadOnlyList<SubjectDto>>
{
    public async ValueTask<IReadOnlyList<SubjectDto>> Handle(ListSubjects query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.ReadSubjects, query.ProjectId, ct);
        var protocol = await db.Projects.AsNoTracking().Where(p => p.Id == query.ProjectId).Select(p => p.ProtocolNumber).SingleAsync(ct);
        var required = await consents.RequiredVersionAsync(query.ProjectId, ct);
        var subjects = db.Subjects.AsNoTracking().Where(s => s.ProjectId == query.ProjectId);
        if (query.Status is { } status)
        {
            subjects = subjects.Where(s => s.Status == status);
        }
        var list = await subjects.ToListAsync(ct);
        return [.. list.OrderBy(s => s.CreatedAt).ThenBy(s => s.ScreeningNumber, StringComparer.Ordinal).Select(s => SubjectDto.From(s, protocol, required))];
    }
}

/// <summary>One subject (anyone who may read the project's subjects; 404 to others).</summary>
public sealed record GetSubject(Guid SubjectId) : IQuery<SubjectDto>;

public sealed class GetSubjectHandler(SubjectStore store, SubjectViews views) : IQueryHandler<GetSubject, SubjectDto>
{
    public async ValueTask<SubjectDto> Handle(GetSubject query, CancellationToken ct) =>
        await views.OfAsync(await store.GetAsync(query.SubjectId, ProjectActions.ReadSubjects, ct), ct);
}

public sealed record SubjectStatusChangeDto(SubjectStatus From, SubjectStatus To, string StatusColour, string? Reason, string By, DateTimeOffset At);

/// <summary>The subject's status changes, oldest first.</summary>
public sealed record GetSubjectHistory(Guid SubjectId) : IQuery<IReadOnlyList<SubjectStatusChangeDto>>;

public sealed class GetSubjectHistoryHandler(CtmsDbContext db, SubjectStore store) : IQueryHandler<GetSubjectHistory, IReadOnlyList<SubjectStatusChangeDto>>
{
    public async ValueTask<IReadOnlyList<SubjectStatusChangeDto>> Handle(GetSubjectHistory query, CancellationToken ct)
    {
        var subject = await store.GetAsync(query.SubjectId, ProjectActions.ReadSubjects, ct);
        var changes = await db.SubjectStatusChanges.AsNoTracking().Where(c => c.SubjectId == subject.Id).ToListAsync(ct);
        return [.. changes.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => new SubjectStatusChangeDto(c.From, c.To, SubjectLifecycle.Colour(c.To), c.Reason, c.By, c.At))];
    }
}

public sealed record SubjectConsentDto(Guid Id, Guid ConsentVersionId, int VersionNumber, ConsentKind Kind, DateOnly SignedOn, string ObtainedBy,
    string? Witness, DateTimeOffset RecordedAt)
{
    public static SubjectConsentDto From(SubjectConsent c) => new(c.Id, c.ConsentVersionId, c.VersionNumber, c.Kind, c.SignedOn, c.ObtainedBy, c.Witness,
        c.RecordedAt);
}

/// <summary>The subject's signed consents, oldest first.</summary>
public sealed record GetSubjectConsents(Guid SubjectId) : IQuery<IReadOnlyList<SubjectConsentDto>>;

public sealed class GetSubjectConsentsHandler(CtmsDbContext db, SubjectStore store) : IQueryHandler<GetSubjectConsents, IReadOnlyList<SubjectConsentDto>>
{
    public async ValueTask<IReadOnlyList<SubjectConsentDto>> Handle(GetSubjectConsents query, CancellationToken ct)
    {
        var subject = await store.GetAsync(query.SubjectId, ProjectActions.ReadSubjects, ct);
        var consents = await db.SubjectConsents.AsNoTracking().Where(c => c.SubjectId == subject.Id).ToListAsync(ct);
        return [.. consents.OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).Select(SubjectConsentDto.From)];
    }
}

/// <summary>An eligibility assessment: the outcome and each criterion's result (the screening data stays with the investigators).</summary>
public sealed record ScreeningDto(Guid? AssessmentId, bool? Eligible, IReadOnlyList<CriterionResult> Criteria, DateTimeOffset? AssessedAt, string? AssessedBy)
{
    public static ScreeningDto From(EligibilityAssessment a) => new(a.Id, a.Eligible, a.CriterionResults, a.AssessedAt, a.AssessedBy);
}

/// <summary>The subject's latest eligibility assessment (empty before one).</summary>
public sealed record GetScreening(Guid SubjectId) : IQuery<ScreeningDto>;

public sealed class GetScreeningHandler(CtmsDbContext db, SubjectStore store) : IQueryHandler<GetScreening, ScreeningDto>
{
    public async ValueTask<ScreeningDto> Handle(GetScreening query, CancellationToken ct)
    {
        var subject = await store.GetAsync(query.SubjectId, ProjectActions.ReadSubjects, ct);
        var latest = (await db.EligibilityAssessments.AsNoTracking().Where(a => a.SubjectId == subject.Id).ToListAsync(ct))
            .OrderBy(a => a.AssessedAt).ThenBy(a => a.Id).LastOrDefault();
        return latest is null ? new ScreeningDto(null, null, [], null, null) : ScreeningDto.From(latest);
    }
}
