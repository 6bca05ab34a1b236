using Ctms.Domain.Common;
using Ctms.Domain.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Contracts;

/// <summary>
/// A project's contract and budget (P10, P11, A07). The same domain commands serve these endpoints and the process
/// activities (create-budget, review-contract, sign-contract, activate-contract, propose-amendment, review-amendment,
/// sign-amendment, amend-budget), so a step done here or through its task has the same rules. Totals are always
/// computed on the server; a signature here needs the signer's password again.
/// </summary>
internal static class ContractsEndpoints
{
    public static IEndpointRouteBuilder MapContractsEndpoints(this IEndpointRouteBuilder app)
    {
        var contract = app.MapGroup("api/projects/{projectId:guid}/contract").WithTags("Contracts");
        contract.MapGet("", Get).WithName("GetContract").WithSummary("The project's contract: terms, budget lines, reviews, signatures, amendments.");
        contract.MapPost("", Draft).WithSummary("Draft the contract of an approved project, or redraft it while the draft is open (CTI office).");
        contract.MapPut("lines", SetLines).WithSummary("Replace the draft's budget lines; totals are computed on the server.");
        contract.MapPost("submit", Submit).WithSummary("Send the draft to review by the CTI secretary, finance and the PI.");
        contract.MapPost("reviews", Review).WithSummary("Approve the review round or request changes (cti-secretary, finance-officer, the project's PI).");
        contract.MapPost("signatures", Sign).WithSummary("Sign for a party (Hospital: CTI director; Sponsor: the applicant; PrincipalInvestigator: the PI), re-entering the password.");
        contract.MapGet("budget", Budget).WithSummary("The budget now and its history: each revision with its lines and the difference to the previous one.");

        var amendments = contract.MapGroup("amendments").WithTags("Contracts");
        amendments.MapPost("", Propose).WithSummary("Propose an amendment of the signed contract's budget, or propose it again after changes were requested (CTI office).");
        amendments.MapPost("{amendmentId:guid}/reviews", ReviewAmendment).WithSummary("Finance's review, then the CTI director's approval, of an amendment.");
        amendments.MapPost("{amendmentId:guid}/signatures", SignAmendment).WithSummary("Sign an approved amendment for the hospital or the sponsor, re-entering the password.");
        return app;
    }

    public sealed record DraftRequest(string Title, string? SponsorParty, string? CroParty, string? HospitalParty, string? Currency,
        IReadOnlyList<BudgetLineInput>? Lines, bool SubmitForReview = false);

    public sealed record LinesRequest(IReadOnlyList<BudgetLineInput> Lines);

    public sealed record ReviewRequest(string Decision, string? Comment, string? As);

    public sealed record SignRequest(string Party, string? Meaning, string Password);

    public sealed record AmendmentRequest(string Reason, IReadOnlyList<BudgetLineInput> Lines, DateOnly? EffectiveFrom);

    private static async Task<Ok<ContractDto>> Get(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetContract(projectId), ct));

    private static async Task<CreatedAtRoute<ContractDto>> Draft(Guid projectId, DraftRequest request, IMediator mediator, CancellationToken ct)
    {
        var contract = await mediator.Send(new DraftContract(projectId, request.Title, request.SponsorParty, request.CroParty, request.HospitalParty,
            request.Currency, request.Lines, request.SubmitForReview), ct);
        return TypedResults.CreatedAtRoute(contract, "GetContract", new { projectId });
    }

    private static async Task<Ok<ContractDto>> SetLines(Guid projectId, LinesRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SetBudgetLines(projectId, request.Lines), ct));

    private static async Task<Ok<ContractDto>> Submit(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SubmitContractForReview(projectId), ct));

    private static async Task<Ok<ContractDto>> Review(Guid projectId, ReviewRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReviewContract(projectId, request.Decision, request.Comment, request.As), ct));

    private static async Task<Ok<ContractDto>> Sign(Guid projectId, SignRequest request, IMediator mediator, CancellationToken ct)
    {
        RequirePassword(request.Password);
        return TypedResults.Ok(await mediator.Send(new SignContract(projectId, request.Party, request.Meaning, request.Password), ct));
    }

    private static async Task<Ok<BudgetDto>> Budget(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetBudget(projectId), ct));

    private static async Task<Ok<ContractDto>> Propose(Guid projectId, AmendmentRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ProposeAmendment(projectId, request.Reason, request.Lines, request.EffectiveFrom), ct));

    private static async Task<Ok<ContractDto>> ReviewAmendment(Guid projectId, Guid amendmentId, ReviewRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReviewAmendment(projectId, amendmentId, request.Decision, request.Comment, request.As), ct));

    private static async Task<Ok<ContractDto>> SignAmendment(Guid projectId, Guid amendmentId, SignRequest request, IMediator mediator, CancellationToken ct)
    {
        RequirePassword(request.Password);
        return TypedResults.Ok(await mediator.Send(new SignAmendment(projectId, amendmentId, request.Party, request.Meaning, request.Password), ct));
    }

    /// <summary>A signature through the API is an electronic signature: the signer re-enters the password.</summary>
    private static void RequirePassword(string? password) =>
        new Validator().Required("Password", password, 256).ThrowIfInvalid();
}
