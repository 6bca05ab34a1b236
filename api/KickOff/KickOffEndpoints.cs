using Ctms.Domain.KickOff;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.KickOff;

/// <summary>
/// The kick-off meeting of a project (P12): plan, participants and attendance, training, minutes, the PI's sign-off
/// that opens enrollment. The close-out (P13) is mapped beside it. A project the caller may not see answers 404.
/// </summary>
internal static class KickOffEndpoints
{
    public static IEndpointRouteBuilder MapKickOffEndpoints(this IEndpointRouteBuilder app)
    {
        var kickOff = app.MapGroup("api/projects/{projectId:guid}/kickoff").WithTags("Kick-off");
        kickOff.MapGet("", Get).WithSummary("The kick-off: meeting, participants, training, and what still stands in the way of the sign-off.");
        kickOff.MapPost("", Plan).WithSummary("Plan (or move) the kick-off meeting of a contracted project; the study team is invited (CTI office).");
        kickOff.MapPost("participants", AddParticipant).WithSummary("Invite a user (userName) or an external person (externalName) (CTI office).");
        kickOff.MapPut("participants/{participantId:guid}/attendance", RecordAttendance).WithSummary("Record whether a participant attended (CTI office).");
        kickOff.MapPost("attendance", ConfirmAttendance).WithSummary("Confirm your own attendance (project members, e.g. the sponsor's CRA).");
        kickOff.MapPost("training", RecordTraining).WithSummary("Record a participant's training: topic, trainer, date, evidence (CTI office).");
        kickOff.MapPut("minutes", RecordMinutes).WithSummary("Record the minutes; the meeting is then held (CTI office).");
        kickOff.MapPost("signoff", SignOff).WithSummary("The PI signs the meeting off and enrollment opens.")
            .WithDescription("409 naming what is missing while the minutes are empty, the PI did not attend, or a delegated team member has no protocol training.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapCloseoutEndpoints();
        return app;
    }

    public sealed record PlanRequest(DateTimeOffset ScheduledAt, string Location);

    public sealed record ParticipantRequest(string? UserName, string? ExternalName, string Role, string? Affiliation);

    public sealed record AttendanceRequest(bool Attended);

    public sealed record ConfirmRequest(string? Affiliation);

    public sealed record TrainingRequest(Guid ParticipantId, TrainingTopic Topic, string Trainer, DateOnly TrainedOn, string? Evidence);

    public sealed record MinutesRequest(string Minutes, Guid? DocumentId);

    private static async Task<Ok<KickOffDto>> Get(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetKickOff(projectId), ct));

    private static async Task<Ok<KickOffDto>> Plan(Guid projectId, PlanRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new PlanKickOffMeeting(projectId, request.ScheduledAt, request.Location), ct));

    private static async Task<Created<KickOffParticipantDto>> AddParticipant(Guid projectId, ParticipantRequest request, IMediator mediator, CancellationToken ct)
    {
        var participant = await mediator.Send(new AddKickOffParticipant(projectId, request.UserName, request.ExternalName, request.Role, request.Affiliation), ct);
        return TypedResults.Created($"/api/projects/{projectId}/kickoff", participant);
    }

    private static async Task<Ok<KickOffParticipantDto>> RecordAttendance(Guid projectId, Guid participantId, AttendanceRequest request, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RecordKickOffAttendance(projectId, participantId, request.Attended), ct));

    private static async Task<Ok<KickOffParticipantDto>> ConfirmAttendance(Guid projectId, ConfirmRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ConfirmKickOffAttendance(projectId, request.Affiliation), ct));

    private static async Task<Created<TrainingRecordDto>> RecordTraining(Guid projectId, TrainingRequest request, IMediator mediator, CancellationToken ct)
    {
        var record = await mediator.Send(new Domain.KickOff.RecordTraining(projectId, request.ParticipantId, request.Topic, request.Trainer, request.TrainedOn,
            request.Evidence), ct);
        return TypedResults.Created($"/api/projects/{projectId}/kickoff", record);
    }

    private static async Task<Ok<KickOffDto>> RecordMinutes(Guid projectId, MinutesRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RecordKickOffMinutes(projectId, request.Minutes, request.DocumentId), ct));

    private static async Task<Ok<KickOffDto>> SignOff(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SignOffKickOff(projectId), ct));
}
