using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Gate;
using Ctms.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Protocol;

/// <summary>
/// The protocol's part of the go-live check (O05): a PI on the team, the arms, a published visit schedule, every e-CRF page a
/// visit names released, at least one inclusion criterion, the ethics gate open and the project enrolling.
/// </summary>
public sealed class ProtocolGoLiveCheck(CtmsDbContext db, IEnrollmentGate gate) : IGoLiveCheck
{
    public async Task<IReadOnlyList<GoLiveCondition>> EvaluateAsync(Guid projectId, DateTimeOffset at, CancellationToken ct)
    {
        var status = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Status).SingleAsync(ct);
        var memberships = await db.ProjectMemberships.AsNoTracking().Where(m => m.ProjectId == projectId && m.Role == Roles.Pi).ToListAsync(ct);
        var arms = await db.StudyArms.AsNoTracking().CountAsync(a => a.ProjectId == projectId, ct);
        var setup = await db.ProtocolSetups.AsNoTracking().SingleOrDefaultAsync(s => s.ProjectId == projectId, ct);
        var visits = await db.VisitDefinitions.AsNoTracking().Where(v => v.ProjectId == projectId).ToListAsync(ct);
        var released = await db.EcrfPages.AsNoTracking().Where(p => p.ProjectId == projectId && p.Status == EcrfPageStatus.Released)
            .Select(p => p.Code).Distinct().ToListAsync(ct);
        var inclusions = await db.EligibilityCriteria.AsNoTracking().CountAsync(c => c.ProjectId == projectId && c.Kind == CriterionKind.Inclusion, ct);
        var ethics = await gate.EvaluateAsync(projectId, at, ct);

        var missingPages = visits.SelectMany(v => v.EcrfPageCodes).Distinct(StringComparer.Ordinal).Where(c => !released.Contains(c))
            .Order(StringComparer.Ordinal).ToList();
        var scheduleVersion = setup?.ScheduleVersion ?? 0;
        return
        [
            new("pi-on-team", memberships.Any(m => m.IsActiveAt(at)),
                memberships.Any(m => m.IsActiveAt(at)) ? "A principal investigator is on the study team." : "No principal investigator is on the study team."),
            new("arms", arms >= 1, arms >= 1 ? $"{arms} arm(s) are defined." : "No arm is defined."),
            new("schedule-published", scheduleVersion > 0 && visits.Count > 0,
                scheduleVersion > 0 ? $"Version {scheduleVersion} of the visit schedule is published ({visits.Count} visits)." : "The visit schedule is not published."),
            new("ecrf-released", missingPages.Count == 0,
                missingPages.Count == 0 ? "Every e-CRF page the visits name is released." : $"e-CRF pages not released: {string.Join(", ", missingPages)}."),
            new("inclusion-criteria", inclusions > 0,
                inclusions > 0 ? $"{inclusions} inclusion criteria are defined." : "No inclusion criterion is defined."),
            new("ethics-gate", ethics.Open, ethics.Open ? "The ethics gate is open." : $"The ethics gate is closed: {ethics.Missing}"),
            new("project-enrolling", status == ProjectStatus.Enrolling,
                status == ProjectStatus.Enrolling ? "The project is enrolling." : $"The project is {status}, not enrolling (the kick-off is not signed off)."),
        ];
    }
}

/// <summary>The go-live check's answer: whether every condition holds, when the project went live, and each condition.</summary>
public sealed record GoLiveDto(bool Passed, DateTimeOffset? GoLiveAt, IReadOnlyList<GoLiveCondition> Conditions);

/// <summary>Runs every registered go-live check (the protocol's, the randomization's) now.</summary>
public sealed class GoLiveChecks(IEnumerable<IGoLiveCheck> checks)
{
    public async Task<IReadOnlyList<GoLiveCondition>> EvaluateAsync(Guid projectId, DateTimeOffset at, CancellationToken ct)
    {
        var conditions = new List<GoLiveCondition>();
        foreach (var check in checks)
        {
            conditions.AddRange(await check.EvaluateAsync(projectId, at, ct));
        }
        return conditions;
    }
}

/// <summary>The go-live check of a project now (O05).</summary>
public sealed record GetGoLive(Guid ProjectId) : IQuery<GoLiveDto>;

public sealed class GetGoLiveHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, GoLiveChecks checks, TimeProvider clock)
    : IQueryHandler<GetGoLive, GoLiveDto>
{
    public async ValueTask<GoLiveDto> Handle(GetGoLive query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.ReadSubjects, query.ProjectId, ct);
        var conditions = await checks.EvaluateAsync(query.ProjectId, clock.GetUtcNow(), ct);
        var goLiveAt = await db.ProtocolSetups.AsNoTracking().Where(s => s.ProjectId == query.ProjectId).Select(s => s.GoLiveAt).SingleOrDefaultAsync(ct);
        return new GoLiveDto(conditions.All(c => c.Holds), goLiveAt, conditions);
    }
}

/// <summary>
/// The CTI office confirms the go-live (O05): every condition of every check must hold; then the first subject may be
/// screened. Refused with the failing conditions otherwise. Confirming again keeps the first go-live.
/// </summary>
public sealed record ConfirmGoLive(Guid ProjectId) : ICommand<GoLiveDto>;

public sealed class ConfirmGoLiveHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, GoLiveChecks checks, SubjectStore store,
    TimeProvider clock) : ICommandHandler<ConfirmGoLive, GoLiveDto>
{
    public async ValueTask<GoLiveDto> Handle(ConfirmGoLive command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsGoLive, command.ProjectId, ct);
        var now = clock.GetUtcNow();
        var conditions = await checks.EvaluateAsync(command.ProjectId, now, ct);
        var failing = conditions.Where(c => !c.Holds).ToList();
        if (failing.Count > 0)
        {
            throw new ConflictException("The go-live check does not pass: " + string.Join(" ", failing.Select(c => $"[{c.Code}] {c.Detail}")));
        }
        var setup = await store.SetupAsync(command.ProjectId, ct);
        if (setup.GoLiveAt is null)
        {
            setup.GoLive(store.UserName, now);
            await db.SaveChangesAsync(ct);
        }
        return new GoLiveDto(true, setup.GoLiveAt, conditions);
    }
}
