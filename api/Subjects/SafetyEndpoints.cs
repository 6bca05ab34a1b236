using System.Security.Claims;
using Ctms.Domain.Subjects.Safety;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Subjects;

/// <summary>
/// Adverse events and SAE reports (O14, O15), through <see cref="ISafetyWorkflow"/> (the studio's path too): recording an
/// ongoing event starts its follow-up (O14); a serious event (or one made serious at a follow-up) starts O15-sae-reporting,
/// the 24-hour clock, in the same transaction as the event; an SAE report tells that instance (message
/// <c>sae-report-submitted</c>, keyed by the event), whose initial report notifies the sponsor side and starts the ethics
/// committee's review (A02). Nothing here reads an allocation: no response carries an arm.
/// </summary>
internal static class SafetyEndpoints
{
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

    private static async Task<Created<AdverseEventDto>> Record(Guid subjectId, AdverseEventRequest request, ISafetyWorkflow safety, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var recorded = await safety.RecordAsync(user, new RecordAdverseEvent(subjectId, request.Term, request.OnsetDate, request.Grade, request.Serious,
            request.SeriousCriteria, request.Causality, request.Outcome, request.Description), ct);
        return TypedResults.Created($"/api/subjects/{subjectId}/adverse-events", recorded);
    }

    private static async Task<Ok<AdverseEventDto>> FollowUp(Guid adverseEventId, FollowUpRequest request, ISafetyWorkflow safety, ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(await safety.FollowUpAsync(user, new FollowUpAdverseEvent(adverseEventId, request.Outcome, request.Grade, request.Note,
            request.Serious, request.SeriousCriteria), ct));

    private static async Task<Ok<IReadOnlyList<AdverseEventDto>>> List(Guid subjectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAdverseEvents(subjectId), ct));

    private static async Task<Created<SaeReportResponse>> Report(Guid adverseEventId, SaeReportRequest request, ISafetyWorkflow safety,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var submitted = await safety.ReportAsync(user, new SubmitSaeReport(adverseEventId, request.Kind, request.Narrative), ct);
        return TypedResults.Created($"/api/adverse-events/{adverseEventId}/sae-reports",
            new SaeReportResponse(submitted.Id, submitted.Kind.ToString(), submitted.Sequence, submitted.SubmittedAt, submitted.DueAt, submitted.Late));
    }
}
