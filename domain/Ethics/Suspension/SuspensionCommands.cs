using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Ctms.Domain.Signatures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Suspension;

/// <summary>A08 as its process and pages see it.</summary>
public sealed record StudySuspensionDto(Guid Id, Guid ProjectId, string ProtocolNumber, string Title, string Action, string Reason, string RequestedBy,
    DateTimeOffset RequestedAt, string Status, string? StatusBefore, string? StatusAfter, string? DecidedBy, DateTimeOffset? DecidedAt, string? ChairNote)
{
    internal static StudySuspensionDto From(StudySuspension s, Project p) => new(s.Id, s.ProjectId, p.ProtocolNumber, p.Title, Name(s.Action), s.Reason,
        s.RequestedBy, s.RequestedAt, s.Status.ToString(), s.StatusBefore?.ToString(), s.StatusAfter?.ToString(), s.DecidedBy, s.DecidedAt, s.ChairNote);

    /// <summary>The action as the process and its forms name it: suspend, terminate, resume.</summary>
    public static string Name(SuspensionAction action) => action.ToString().ToLowerInvariant();

    /// <summary>What the decision did, as the process's gateway and templates name it: suspended, terminated, resumed, or declined.</summary>
    public string Outcome => Status == nameof(SuspensionStatus.Declined) ? "declined" : Action switch
    {
        "suspend" => "suspended",
        "terminate" => "terminated",
        _ => "resumed",
    };
}

/// <summary>
/// Someone allowed to (the EC chair, the CTI director) asks the ethics committee to suspend, terminate or resume a study
/// (A08): refused at once when the project cannot make that move now, or when another request waits for the chair.
/// </summary>
public sealed record RequestStudySuspension(Guid ProjectId, string Action, string Reason) : ICommand<StudySuspensionDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(SuspensionRules.TryParse(Action, out _), nameof(Action), "The action must be 'suspend', 'terminate' or 'resume'.")
        .Required(nameof(Reason), Reason, StudySuspension.ReasonMax);
}

public sealed class RequestStudySuspensionHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RequestStudySuspension, StudySuspensionDto>
{
    public async ValueTask<StudySuspensionDto> Handle(RequestStudySuspension command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.EthicsSuspend);
        var action = SuspensionRules.TryParse(command.Action, out var parsed)
            ? parsed
            : throw DomainValidationException.For(nameof(command.Action), "The action must be 'suspend', 'terminate' or 'resume'.");
        SuspensionRules.EnsurePossible(project, action);
        if (await db.StudySuspensions.AnyAsync(s => s.ProjectId == project.Id && s.Status == SuspensionStatus.Requested, ct))
        {
            throw new ConflictException("Another suspension, termination or resumption of this study waits for the EC chair's decision.");
        }
        var suspension = new StudySuspension(project.Id, action, command.Reason.Trim(), user.UserName ?? user.UserId, clock.GetUtcNow());
        db.StudySuspensions.Add(suspension);
        db.AuditReason = suspension.Reason;
        await db.SaveChangesAsync(ct);
        return StudySuspensionDto.From(suspension, project);
    }
}

/// <summary>
/// The EC chair decides a request and signs the decision (the signature binds the request, the decision and the project's
/// states): confirmed, the project moves (Suspended, Terminated, or back to the state it was suspended from); declined
/// (with the chair's reason), nothing moves. Either way the decision is audited with its reason.
/// </summary>
public sealed record DecideStudySuspension(Guid SuspensionId, bool Confirm, string? ChairNote) : ICommand<StudySuspensionDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Optional(nameof(ChairNote), ChairNote, StudySuspension.ReasonMax)
        .Must(Confirm || !string.IsNullOrWhiteSpace(ChairNote), nameof(ChairNote), "Say why the request is declined.");
}

public sealed class DecideStudySuspensionHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures, TimeProvider clock)
    : ICommandHandler<DecideStudySuspension, StudySuspensionDto>
{
    public async ValueTask<StudySuspensionDto> Handle(DecideStudySuspension command, CancellationToken ct)
    {
        var suspension = await db.StudySuspensions.SingleOrDefaultAsync(s => s.Id == command.SuspensionId, ct)
                         ?? throw new NotFoundException($"Study suspension {command.SuspensionId} was not found.");
        var project = await ProjectSteps.LoadAsync(db, access, user, suspension.ProjectId, ct, ProjectActions.EthicsDecide);
        if (suspension.Status != SuspensionStatus.Requested)
        {
            throw new ConflictException($"This request was {suspension.Status.ToString().ToLowerInvariant()} already.");
        }
        var now = clock.GetUtcNow();
        var before = project.Status;
        var note = string.IsNullOrWhiteSpace(command.ChairNote) ? null : command.ChairNote.Trim();
        if (command.Confirm)
        {
            var target = await SuspensionRules.TargetAsync(db, project, suspension.Action, ct);
            project.MoveTo(target, now);
        }
        suspension.Decide(command.Confirm, before, project.Status, note, user.UserName ?? user.UserId, now);
        await signatures.SignAsync(suspension, null, ct);
        db.AuditReason = note ?? suspension.Reason;
        await db.SaveChangesAsync(ct);
        return StudySuspensionDto.From(suspension, project);
    }
}

/// <summary>A study's suspensions, terminations and resumptions, newest first, each with its signatures checked.</summary>
public sealed record ListStudySuspensions(Guid ProjectId) : IQuery<IReadOnlyList<StudySuspensionView>>;

public sealed record StudySuspensionView(StudySuspensionDto Suspension, IReadOnlyList<SignatureView> Signatures);

public sealed class ListStudySuspensionsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures)
    : IQueryHandler<ListStudySuspensions, IReadOnlyList<StudySuspensionView>>
{
    public async ValueTask<IReadOnlyList<StudySuspensionView>> Handle(ListStudySuspensions query, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, query.ProjectId, ct, ProjectActions.EthicsRead);
        var rows = await db.StudySuspensions.AsNoTracking().Where(s => s.ProjectId == project.Id).ToListAsync(ct);
        var views = new List<StudySuspensionView>();
        foreach (var row in rows.OrderByDescending(s => s.RequestedAt))
        {
            views.Add(new StudySuspensionView(StudySuspensionDto.From(row, project), await signatures.CheckAsync(row, ct)));
        }
        return views;
    }
}

/// <summary>Which moves A08 makes: the project life cycle says whether they are allowed now.</summary>
internal static class SuspensionRules
{
    public static bool TryParse(string? text, out SuspensionAction action)
    {
        action = default;
        return text is not null && text.Trim().ToLowerInvariant() is "suspend" or "terminate" or "resume"
               && Enum.TryParse(text.Trim(), ignoreCase: true, out action);
    }

    public static void EnsurePossible(Project project, SuspensionAction action)
    {
        var possible = action switch
        {
            SuspensionAction.Suspend => ProjectLifecycle.CanMove(project.Status, ProjectStatus.Suspended),
            SuspensionAction.Terminate => ProjectLifecycle.CanMove(project.Status, ProjectStatus.Terminated),
            _ => project.Status == ProjectStatus.Suspended,
        };
        if (!possible)
        {
            throw new ConflictException(action == SuspensionAction.Resume
                ? $"The project is {project.Status}: only a suspended study can be resumed."
                : $"A project that is {project.Status} cannot be {(action == SuspensionAction.Suspend ? "suspended" : "terminated")}.");
        }
    }

    /// <summary>Where the confirmed action takes the project: a resumption goes back to the state of the last suspension.</summary>
    public static async Task<ProjectStatus> TargetAsync(CtmsDbContext db, Project project, SuspensionAction action, CancellationToken ct)
    {
        if (action != SuspensionAction.Resume)
        {
            return action == SuspensionAction.Suspend ? ProjectStatus.Suspended : ProjectStatus.Terminated;
        }
        // Ordered here, not in SQL: SQLite cannot order by a DateTimeOffset, and a study has a handful of these.
        var last = (await db.StudySuspensions.AsNoTracking()
            .Where(s => s.ProjectId == project.Id && s.Action == SuspensionAction.Suspend && s.Status == SuspensionStatus.Decided)
            .ToListAsync(ct)).MaxBy(s => s.DecidedAt);
        return last?.StatusBefore ?? throw new ConflictException("The study was not suspended through the ethics committee: there is no state to resume it to.");
    }
}
