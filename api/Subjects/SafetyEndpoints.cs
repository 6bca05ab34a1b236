using System.Globalization;
using System.Security.Claims;
using Ctms.Api.Engine;
using Ctms.Domain.Subjects.Safety;
using Ctms.Engine.Runtime;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Subjects;

/// <summary>
/// Adverse events and SAE reports (O14, O15). Recording a serious event (or making one serious at a follow-up) starts
/// O15-sae-reporting, the 24-hour clock, in the same transaction as the event; an SAE report tells that instance
/// (message <c>sae-report-submitted</c>, keyed by the event), whose initial report notifies the sponsor side and starts
/// the ethics committee's review (A02). Nothing here reads an allocation: no response carries an arm.
/// </summary>
internal static class SafetyEndpoints
{
    public const string ProcessId = "O15-sae-reporting";
    public const string ReportMessage = "sae-report-submitted";

    public static IEndpointRouteBuilder MapSafetyEndpoints(this IEndpointRouteBuilder app)
    {
        var subject = app.MapGroup("api/subjects/{subjectId:guid}/adverse-events").WithTags("Subjects");
        subject.MapPost("", Record)
            .WithSummary("Record an adverse event (term, onsetDate, CTCAE grade 1-5, serious, seriousCriteria, causality, outcome, description); a serious one starts the 24-hour SAE reporting clock (O15).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        subject.MapGet("", List).WithSummary("The subject's adverse events with their follow-ups and SAE reports.");

        var events = app.MapGroup("api/adverse-events/{adverseEventId:guid}").WithTags("Subjects");
        events.MapPost("follow-ups", FollowUp)
            .WithSummary("A follow-up: the outcome, the grade if changed, a note; serious:true with seriousCriteria makes the event serious and starts the 24-hour clock.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        events.MapPost("sae-reports", Report)
            .WithSummary("An SAE report (kind Initial, FollowUp or Final; narrative): the initial one goes to the sponsor side and the ethics committee (A02); after the 24-hour deadline it is late and a deviation candidate.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record AdverseEventRequest(string? Term, DateOnly? OnsetDate, int? Grade, bool Serious, IReadOnlyList<string>? SeriousCriteria,
        string? Causality, string? Outcome, string? Description);

    public sealed record FollowUpRequest(string? Outcome, int? Grade, string? Note, bool? Serious, IReadOnlyList<string>? SeriousCriteria);

    public sealed record SaeReportRequest(string? Kind, string? Narrative);

    public sealed record SaeReportResponse(Guid Id, string Kind, int Sequence, DateTimeOffset SubmittedAt, DateTimeOffset? DueAt, bool Late);

    private static async Task<Created<AdverseEventDto>> Record(Guid subjectId, AdverseEventRequest request, EngineCommands commands, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var recorded = await RunAsync(commands, user, new RecordAdverseEvent(subjectId, request.Term, request.OnsetDate, request.Grade, request.Serious,
            request.SeriousCriteria, request.Causality, request.Outcome, request.Description), ct);
        return TypedResults.Created($"/api/subjects/{subjectId}/adverse-events", recorded);
    }

    private static async Task<Ok<AdverseEventDto>> FollowUp(Guid adverseEventId, FollowUpRequest request, EngineCommands commands, ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(await RunAsync(commands, user, new FollowUpAdverseEvent(adverseEventId, request.Outcome, request.Grade, request.Note,
            request.Serious, request.SeriousCriteria), ct));

    private static async Task<Ok<IReadOnlyList<AdverseEventDto>>> List(Guid subjectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAdverseEvents(subjectId), ct));

    private static async Task<Created<SaeReportResponse>> Report(Guid adverseEventId, SaeReportRequest request, EngineCommands commands,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var submitted = await commands.RunScopedAsync(user, async (services, token) =>
        {
            var result = await services.GetRequiredService<IMediator>().Send(new SubmitSaeReport(adverseEventId, request.Kind, request.Narrative), token);
            var report = result.Report;
            // The O15 instance waits for the initial report on its task, then for follow-ups until the final one. A message
            // no instance waits for (an event made serious before O15 existed) is simply dropped: the report is recorded.
            await services.GetRequiredService<BpmnEngine>().CorrelateAsync(ReportMessage, adverseEventId.ToString(), new Dictionary<string, object?>
            {
                ["reportKind"] = report.Kind.ToString(),
                ["reportId"] = report.Id.ToString(),
                ["narrative"] = report.Narrative,
                ["late"] = report.Late,
            }, messageId: report.Id.ToString(), ct: token);
            return report;
        }, ct);
        return TypedResults.Created($"/api/adverse-events/{adverseEventId}/sae-reports",
            new SaeReportResponse(submitted.Id, submitted.Kind.ToString(), submitted.Sequence, submitted.SubmittedAt, submitted.DueAt, submitted.Late));
    }

    /// <summary>Runs an AE command and, when it made the event serious, starts O15 in the same transaction.</summary>
    private static Task<AdverseEventDto> RunAsync(EngineCommands commands, ClaimsPrincipal user, ICommand<AdverseEventChange> command, CancellationToken ct) =>
        commands.RunScopedAsync(user, async (services, token) =>
        {
            var change = await services.GetRequiredService<IMediator>().Send(command, token);
            if (change.StartedClock is { } clock)
            {
                await services.GetRequiredService<BpmnEngine>().StartAsync(ProcessId, Variables(clock), clock.ProjectId.ToString(), ct: token);
            }
            return change.Event;
        }, ct);

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
