using System.Security.Claims;
using Ctms.Domain.Common;
using Ctms.Domain.Ethics.Meetings;
using Ctms.Domain.Ethics.Model;
using Ctms.Engine.Runtime.Tasks;
using Ctms.Studio.Services;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Ethics;

/// <summary>
/// The ethics committee's meetings (P08): scheduling, agenda, attendance, recusals, discussion notes, the members' signed
/// votes and the minutes. The meeting's secretary runs it; its members read it and vote. A meeting of a committee the
/// caller does not sit on answers 404.
/// </summary>
internal static class MeetingsEndpoints
{
    /// <summary>The process that runs a meeting, and its vote task (one per voter).</summary>
    public const string Process = "P08-ethics-meeting";
    public const string VoteTask = "Task_castVote";

    public static IEndpointRouteBuilder MapMeetingsEndpoints(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("api/ethics/meetings").WithTags("Ethics meetings");
        meetings.MapGet("", List).WithSummary("The meetings of the committees you sit on (all of them for the EC office's administrators), latest first.");
        meetings.MapGet("committees", Committees).WithSummary("The committees whose meetings you may schedule (their secretary; all for administrators).");
        meetings.MapPost("", Schedule).WithSummary("Schedule a meeting of a committee (its secretary); then start P08 with the meeting's id as business key.");
        meetings.MapGet("{meetingId:guid}", Get).WithSummary("A meeting: agenda, attendance and quorum, recusals, signed votes, minutes.");
        meetings.MapPost("{meetingId:guid}/agenda", BuildAgenda).WithSummary("Put every review awaiting a full board on the agenda (the secretary; P08 does it when it starts).");
        meetings.MapPut("{meetingId:guid}/agenda/{itemId:guid}", Arrange).WithSummary("Move an item (position from 1) or defer it to a later meeting (the secretary, before the meeting opens).");
        meetings.MapPut("{meetingId:guid}/attendance/{memberId:guid}", RecordAttendance).WithSummary("Record whether a member is present (the secretary; late arrivals too).");
        meetings.MapPost("{meetingId:guid}/items/{itemId:guid}/recusals", Recuse).WithSummary("Recuse a member from an item, with the reason (the secretary, before its vote opens).");
        meetings.MapPut("{meetingId:guid}/items/{itemId:guid}/notes", RecordNotes).WithSummary("The discussion notes on an item (the secretary).");
        meetings.MapPost("{meetingId:guid}/items/{itemId:guid}/votes", Vote)
            .WithSummary("Cast your signed vote on the item being voted on: option, comment and signature.password (completes your vote task).")
            .WithDescription("403 for a non-member, an absent or a recused member; 409 for a second vote, an item not being voted on, or a closed meeting; "
                             + "400 with signature.password for a missing or wrong password (counted toward lockout). Refusals are audited.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record ScheduleRequest(Guid CommitteeId, DateTimeOffset ScheduledAt, string? Location);

    public sealed record ArrangeRequest(int? Position, bool Defer = false);

    public sealed record AttendanceRequest(bool Present);

    public sealed record RecusalRequest(Guid MemberId, string Reason);

    public sealed record NotesRequest(string? Notes);

    public sealed record VoteRequest(string? Option, string? Comment, Tasks.TasksEndpoints.SignatureRequest? Signature);

    private static async Task<Ok<IReadOnlyList<MeetingSummaryDto>>> List(Guid? committeeId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMeetings(committeeId), ct));

    private static async Task<Ok<IReadOnlyList<SchedulableCommittee>>> Committees(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListSchedulableCommittees(), ct));

    private static async Task<Created<MeetingDto>> Schedule(ScheduleRequest request, IMediator mediator, CancellationToken ct)
    {
        var meeting = await mediator.Send(new ScheduleMeeting(request.CommitteeId, request.ScheduledAt, request.Location), ct);
        return TypedResults.Created($"/api/ethics/meetings/{meeting.Id}", meeting);
    }

    private static async Task<Ok<MeetingDto>> Get(Guid meetingId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetMeeting(meetingId), ct));

    private static async Task<Ok<MeetingDto>> BuildAgenda(Guid meetingId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Domain.Ethics.Meetings.BuildAgenda(meetingId), ct));

    private static async Task<Ok<MeetingDto>> Arrange(Guid meetingId, Guid itemId, ArrangeRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ArrangeAgenda(meetingId, itemId, request.Position, request.Defer), ct));

    private static async Task<Ok<MeetingDto>> RecordAttendance(Guid meetingId, Guid memberId, AttendanceRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RecordMeetingAttendance(meetingId, memberId, request.Present), ct));

    private static async Task<Ok<MeetingDto>> Recuse(Guid meetingId, Guid itemId, RecusalRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RecuseFromItem(meetingId, itemId, request.MemberId, request.Reason), ct));

    private static async Task<Ok<MeetingDto>> RecordNotes(Guid meetingId, Guid itemId, NotesRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RecordItemNotes(meetingId, itemId, request.Notes), ct));

    /// <summary>
    /// The vote through REST: the domain's checks first (so a refused voter hears why, and the refusal is audited), then
    /// the caller's open vote task of the meeting's P08 is completed with the signature, as from the inbox.
    /// </summary>
    private static async Task<Created<MeetingVoteDto>> Vote(Guid meetingId, Guid itemId, VoteRequest request, IMediator mediator, TaskService tasks,
        TaskCompletion completion, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!EthicsNames.TryParseVote(request.Option, out var option))
        {
            throw DomainValidationException.For("option", $"Option must be one of: {EthicsNames.AllVotes}.");
        }
        if (await mediator.Send(new CheckVote(itemId), ct) != meetingId)
        {
            throw new NotFoundException($"Item {itemId} is not on the agenda of meeting {meetingId}.");
        }
        var userName = user.Identity?.Name ?? throw new ForbiddenException("No user name.");
        var open = await tasks.QueryAsync(TaskQuery.AssignedTo(userName) with { ProcessId = Process, ElementId = VoteTask, BusinessKey = meetingId.ToString() }, ct);
        var task = open.Items.Count > 0 ? open.Items[0] : throw new ConflictException("You have no open vote on this meeting's current item.");
        await completion.CompleteAsync(task.Id, user, new Dictionary<string, object?> { ["option"] = EthicsNames.Of(option), ["comment"] = request.Comment },
            request.Signature?.Password, ct);
        var meeting = await mediator.Send(new GetMeeting(meetingId), ct);
        var vote = meeting.Items.Single(i => i.Id == itemId).Votes.Single(v => v.UserName == userName);
        return TypedResults.Created($"/api/ethics/meetings/{meetingId}", vote);
    }
}
