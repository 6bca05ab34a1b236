using System.Globalization;
using System.Security.Claims;
using Ctms.Api.Engine;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Subjects.Safety;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Tasks;
using Mediator;

namespace Ctms.Api.Subjects;

/// <summary>
/// The safety commands and their processes in one engine transaction (<see cref="ISafetyWorkflow"/>), the one path of
/// the REST endpoints and the studio's safety page. Recording an event not yet resolved starts its follow-up (O14,
/// reminders every 7 days until it is resolved); an event recorded serious, or made serious at a follow-up, starts its
/// 24-hour clock (O15); an SAE report is message <c>sae-report-submitted</c> to that O15 instance.
/// </summary>
internal sealed class SafetyWorkflow(EngineCommands commands) : ISafetyWorkflow
{
    public const string ClockProcessId = "O15-sae-reporting";
    public const string FollowUpProcessId = "O14-adverse-event-follow-up";
    public const string FollowUpTask = "followUp";
    public const string ReportMessage = "sae-report-submitted";

    public Task<AdverseEventDto> RecordAsync(ClaimsPrincipal user, RecordAdverseEvent command, CancellationToken ct) =>
        commands.RunScopedAsync(user, async (services, token) =>
        {
            var change = await services.GetRequiredService<IMediator>().Send(command, token);
            var ae = change.Event;
            if (!AdverseEventTerms.IsResolved(ae.Outcome))
            {
                await services.GetRequiredService<BpmnEngine>().StartAsync(FollowUpProcessId, new Dictionary<string, object?>
                {
                    ["adverseEventId"] = ae.Id.ToString(),
                    ["subjectId"] = ae.SubjectId.ToString(),
                    ["projectId"] = ae.ProjectId.ToString(),
                }, ae.ProjectId.ToString(), ct: token);
            }
            await StartClockAsync(services, change, token);
            return ae;
        }, ct);

    /// <summary>
    /// A follow-up while the event's O14 waits for one completes O14's task (whose activity records it, and which ends when
    /// the event is resolved), so that the reminders stop with it; one that says whether the event is serious, or of an
    /// event without a waiting O14, is recorded directly.
    /// </summary>
    public Task<AdverseEventDto> FollowUpAsync(ClaimsPrincipal user, FollowUpAdverseEvent command, CancellationToken ct) =>
        commands.RunScopedAsync(user, async (services, token) =>
        {
            var steps = services.GetRequiredService<SafetySteps>();
            if (command.Serious is null)
            {
                var (ae, _) = await steps.LoadAsync(command.AdverseEventId, ProjectActions.SafetyReport, token);
                if (await FollowUpTaskAsync(services, ae, token) is { } task)
                {
                    await services.GetRequiredService<BpmnEngine>().CompleteTaskAsync(task, new Dictionary<string, object?>
                    {
                        ["outcome"] = command.Outcome,
                        ["grade"] = command.Grade,
                        ["followUpNote"] = command.Note,
                    }, services.GetRequiredService<ICurrentUser>().UserName, token);
                    return await steps.ViewAsync((await steps.LoadAsync(ae.Id, ProjectActions.SafetyReport, token)).Event, token);
                }
            }
            var change = await services.GetRequiredService<IMediator>().Send(command, token);
            await StartClockAsync(services, change, token);
            return change.Event;
        }, ct);

    /// <summary>The open follow-up task of the event's O14 instance (business key the project), or null.</summary>
    private static async Task<Guid?> FollowUpTaskAsync(IServiceProvider services, AdverseEvent ae, CancellationToken ct)
    {
        var engine = services.GetRequiredService<BpmnEngine>();
        var tasks = await engine.Store.QueryTasksAsync(new TaskQuery
        {
            ProcessId = FollowUpProcessId, ElementId = FollowUpTask, BusinessKey = ae.ProjectId.ToString(), Limit = TaskQuery.MaxLimit,
        }, ct);
        foreach (var task in tasks.Items)
        {
            if (await engine.Store.InstanceAsync(task.InstanceId, ct) is { } instance
                && instance.Root.Variables.TryGetValue("adverseEventId", out var id) && Equals(id?.ToString(), ae.Id.ToString()))
            {
                return task.Id;
            }
        }
        return null;
    }

    /// <summary>
    /// The report is authorised by <c>safety.report</c> (the PI and the sub-investigators). What the O15 instance does
    /// with it next (the sponsor side told, the EC's review opened: A02) is the process's: its steps run under the
    /// reporter's name (the review names them as its submitter) with the authority to hand the committee a report
    /// (<see cref="ForProcess"/>), so that a sub-investigator's SAE reaches the EC although only the PI holds
    /// <c>ethics.submit</c>; that grant is not widened, and the person holds nothing more once the message is delivered.
    /// </summary>
    public Task<SaeReportDto> ReportAsync(ClaimsPrincipal user, SubmitSaeReport command, CancellationToken ct) =>
        commands.RunScopedAsync(user, async (services, token) =>
        {
            var report = (await services.GetRequiredService<IMediator>().Send(command, token)).Report;
            var current = services.GetRequiredService<ClaimsCurrentUser>();
            current.Principal = ForProcess(user);
            try
            {
                // The O15 instance waits for the initial report on its task, then for follow-ups until the final one. A message
                // no instance waits for (an event made serious before O15 existed) is simply dropped: the report is recorded.
                await services.GetRequiredService<BpmnEngine>().CorrelateAsync(ReportMessage, command.AdverseEventId.ToString(), new Dictionary<string, object?>
                {
                    ["reportKind"] = report.Kind.ToString(),
                    ["reportId"] = report.Id.ToString(),
                    ["narrative"] = report.Narrative,
                    ["late"] = report.Late,
                }, messageId: report.Id.ToString(), ct: token);
            }
            finally
            {
                current.Principal = user;
            }
            return report;
        }, ct);

    /// <summary>
    /// The reporter's identity for the process's steps only, with the one role the access rules let submit a report to the
    /// committee without a project membership (the EC office's, on an approved study): the host's own identity
    /// (<see cref="AccessUser.System"/>) may not submit one, and a report the process took must reach the committee.
    /// </summary>
    private static ClaimsPrincipal ForProcess(ClaimsPrincipal user)
    {
        var identity = user.Identity as ClaimsIdentity;
        var claims = user.IsInRole(Roles.EcSecretary) ? user.Claims : user.Claims.Append(new Claim(ClaimTypes.Role, Roles.EcSecretary));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, identity?.AuthenticationType ?? "process", identity?.NameClaimType ?? ClaimTypes.Name,
            ClaimTypes.Role));
    }

    private static async Task StartClockAsync(IServiceProvider services, AdverseEventChange change, CancellationToken ct)
    {
        if (change.StartedClock is { } clock)
        {
            await services.GetRequiredService<BpmnEngine>().StartAsync(ClockProcessId, Variables(clock), clock.ProjectId.ToString(), ct: ct);
        }
    }

    private static Dictionary<string, object?> Variables(SaeClock clock) => new()
    {
        ["adverseEventId"] = clock.AdverseEventId.ToString(),
        ["projectId"] = clock.ProjectId.ToString(),
        ["subjectId"] = clock.SubjectId.ToString(),
        ["subjectLabel"] = clock.SubjectLabel,
        ["protocolNumber"] = clock.ProtocolNumber,
        ["reference"] = clock.Reference,
        ["term"] = clock.Term,
        ["grade"] = clock.Grade,
        ["awareAt"] = Iso(clock.AwareAt),
        ["dueAt"] = Iso(clock.DueAt),
        ["firstReminderAt"] = Iso(clock.RemindAt[0]),
        ["secondReminderAt"] = Iso(clock.RemindAt[1]),
        ["reporters"] = clock.Reporters.ToList<object?>(),
        ["committeeId"] = clock.CommitteeId?.ToString(),
    };

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
