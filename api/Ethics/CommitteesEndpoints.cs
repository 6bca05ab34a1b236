using Ctms.Domain.Ethics.Committees;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Ethics;

/// <summary>
/// The ethics committees (EC office): committees with their quorum and decision rules, members' seats, and declared
/// conflicts of interest (a member may declare and withdraw their own).
/// </summary>
internal static class CommitteesEndpoints
{
    public static IEndpointRouteBuilder MapEthicsCommitteesEndpoints(this IEndpointRouteBuilder app)
    {
        var committees = app.MapGroup("api/ethics/committees").WithTags("Ethics committees");
        committees.MapGet("", List).WithSummary("The committees with their rules and seats.");
        committees.MapPost("", Create).WithSummary("Create a committee with its code, name, quorum and decision rules (EC office).");
        committees.MapGet("{committeeId:guid}", Get).WithSummary("One committee with its seats.");
        committees.MapPut("{committeeId:guid}", Update).WithSummary("Change a committee's name and rules (EC office).");
        committees.MapPost("{committeeId:guid}/members", AddMember).WithSummary("Seat a user for a term with role, sex, affiliation and expertise (EC office).");
        committees.MapPut("{committeeId:guid}/members/{memberId:guid}", UpdateMember).WithSummary("Change a seat (EC office).");
        committees.MapPost("{committeeId:guid}/members/{memberId:guid}/end", EndSeat).WithSummary("End a seat's term (today by default) with a reason (EC office).");
        committees.MapGet("{committeeId:guid}/conflicts", Conflicts).WithSummary("The declared conflicts of interest (all for the EC office, one's own for a member); filter projectId.");
        committees.MapPost("{committeeId:guid}/members/{memberId:guid}/conflicts", Declare)
            .WithSummary("Declare a member's conflict of interest with a project (the member themself or the EC office).");
        committees.MapPost("{committeeId:guid}/conflicts/{conflictId:guid}/withdraw", Withdraw).WithSummary("Withdraw a declared conflict with a reason.");
        return app;
    }

    public sealed record CommitteeRequest(string Code, string Name, CommitteeRules? Rules);

    public sealed record CommitteeUpdateRequest(string Name, CommitteeRules Rules);

    public sealed record MemberRequest(string UserName, CommitteeRole Role, MemberSex Sex, bool Affiliated, DateOnly TermStart, DateOnly TermEnd,
        IReadOnlyList<string>? Expertise);

    public sealed record MemberUpdateRequest(CommitteeRole Role, MemberSex Sex, bool Affiliated, DateOnly TermStart, DateOnly TermEnd, IReadOnlyList<string>? Expertise);

    public sealed record EndSeatRequest(DateOnly? EndsOn, string Reason);

    public sealed record ConflictRequest(Guid ProjectId, string Reason);

    public sealed record ReasonRequest(string Reason);

    private static async Task<Ok<IReadOnlyList<CommitteeDto>>> List(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListCommittees(), ct));

    private static async Task<Created<CommitteeDto>> Create(CommitteeRequest request, IMediator mediator, CancellationToken ct)
    {
        var committee = await mediator.Send(new CreateCommittee(request.Code, request.Name, request.Rules), ct);
        return TypedResults.Created($"/api/ethics/committees/{committee.Id}", committee);
    }

    private static async Task<Ok<CommitteeDto>> Get(Guid committeeId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCommittee(committeeId), ct));

    private static async Task<Ok<CommitteeDto>> Update(Guid committeeId, CommitteeUpdateRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateCommittee(committeeId, request.Name, request.Rules), ct));

    private static async Task<Created<MemberDto>> AddMember(Guid committeeId, MemberRequest request, IMediator mediator, CancellationToken ct)
    {
        var member = await mediator.Send(new AddMember(committeeId, request.UserName, request.Role, request.Sex, request.Affiliated, request.TermStart,
            request.TermEnd, request.Expertise), ct);
        return TypedResults.Created($"/api/ethics/committees/{committeeId}", member);
    }

    private static async Task<Ok<MemberDto>> UpdateMember(Guid committeeId, Guid memberId, MemberUpdateRequest request, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateMember(committeeId, memberId, request.Role, request.Sex, request.Affiliated, request.TermStart,
            request.TermEnd, request.Expertise), ct));

    private static async Task<Ok<MemberDto>> EndSeat(Guid committeeId, Guid memberId, EndSeatRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new EndMemberSeat(committeeId, memberId, request.EndsOn, request.Reason), ct));

    private static async Task<Ok<IReadOnlyList<ConflictDto>>> Conflicts(Guid committeeId, Guid? projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListConflicts(committeeId, projectId), ct));

    private static async Task<Created<ConflictDto>> Declare(Guid committeeId, Guid memberId, ConflictRequest request, IMediator mediator, CancellationToken ct)
    {
        var conflict = await mediator.Send(new DeclareConflict(committeeId, memberId, request.ProjectId, request.Reason), ct);
        return TypedResults.Created($"/api/ethics/committees/{committeeId}/conflicts", conflict);
    }

    private static async Task<Ok<ConflictDto>> Withdraw(Guid committeeId, Guid conflictId, ReasonRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new WithdrawConflict(committeeId, conflictId, request.Reason), ct));
}
