using Ctms.Domain.Signatures;
using Ctms.Domain.Subjects.Randomization;
using Ctms.Domain.Subjects.Randomization.Algorithms;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Subjects;

/// <summary>
/// Randomization and blinding (O04, O10, the arm switch of O17). The scheme is shown without its seed or lists; every
/// answer that could name an arm goes through <see cref="ArmVisibility"/>; the emergency unblinding is signed.
/// </summary>
internal static class RandomizationEndpoints
{
    /// <summary>The part's services: the scheme reader, the one blinding decision and the go-live condition.</summary>
    public static IServiceCollection AddRandomization(this IServiceCollection services)
    {
        services.AddScoped<RandomizationReader>();
        services.AddScoped<ArmVisibility>();
        services.AddScoped<Domain.Subjects.Protocol.IGoLiveCheck, RandomizationGoLiveCheck>();
        return services;
    }

    public static IEndpointRouteBuilder MapRandomizationEndpoints(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("api/projects/{projectId:guid}/randomization").WithTags("Randomization");
        project.MapGet("", Get).WithSummary("The project's randomization scheme: method, factors, blinding, lock; never the seed or the lists.");
        project.MapPut("", Configure)
            .WithSummary("Set the scheme (pi, data-manager) until it is locked: method Simple|PermutedBlock|StratifiedBlock|Minimization, blockSizes, factors, probability, seed (never echoed), listLength, blinding Open|Single|Double, unblindedRoles.");
        project.MapPost("lock", Lock).WithSummary("Lock the scheme: the arms are fixed and the concealed lists generated from the seed; nothing changes after.");
        project.MapPost("list-export", ExportList)
            .WithSummary("The statistician's copy of the concealed list (CTI director, admin only), with a reason; every export is recorded and audited.");

        var subject = app.MapGroup("api/subjects/{subjectId:guid}").WithTags("Randomization");
        subject.MapPost("randomize", Randomize)
            .WithSummary("Randomize an enrolled, eligible subject (pi, sub-investigator) with its factor levels; the arm only if the blinding lets the caller see it.");
        subject.MapGet("allocation", Allocation).WithSummary("The subject's allocation as the caller may see it.");
        subject.MapPost("unblind", Unblind)
            .WithSummary("Emergency unblinding by the PI: reason and signature.password; the sponsor side is notified, the PI sees the arm from then on.");
        subject.MapPost("arm-switch", SwitchArm).WithSummary("Switch the subject's arm (O17) with a reason: investigators in an open study, unblinded roles in a blinded one.");
        return app;
    }

    public sealed record SchemeRequest(string? Method, IReadOnlyList<int>? BlockSizes, IReadOnlyList<RandomizationFactor>? Factors, double? Probability,
        string? Seed, int? ListLength, string? Blinding, IReadOnlyList<string>? UnblindedRoles);

    public sealed record RandomizeRequest(IReadOnlyDictionary<string, string>? Factors);

    public sealed record SignatureRequest(string? Password);

    public sealed record UnblindRequest(string? Reason, SignatureRequest? Signature);

    public sealed record ArmSwitchRequest(string? ToArm, string? Reason);

    public sealed record ListExportRequest(string? Reason);

    private static async Task<Ok<RandomizationSchemeDto>> Get(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetRandomization(projectId), ct));

    private static async Task<Ok<RandomizationSchemeDto>> Configure(Guid projectId, SchemeRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ConfigureRandomization(projectId, request.Method, request.BlockSizes, request.Factors, request.Probability,
            request.Seed, request.ListLength, request.Blinding, request.UnblindedRoles), ct));

    private static async Task<Ok<RandomizationSchemeDto>> Lock(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new LockRandomization(projectId), ct));

    private static async Task<Ok<RandomizationListExportDto>> ExportList(Guid projectId, ListExportRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ExportRandomizationList(projectId, request.Reason), ct));

    /// <summary>Randomization and the visits counted from it in one transaction: their days become known, their to-do processes (O11) start.</summary>
    private static async Task<Ok<RandomizationResultDto>> Randomize(Guid subjectId, RandomizeRequest? request, Engine.EngineCommands commands,
        System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await commands.RunScopedAsync(user, async (services, token) =>
        {
            var result = await services.GetRequiredService<IMediator>().Send(new RandomizeSubject(subjectId, request?.Factors), token);
            await VisitProcesses.ScheduleAsync(services, subjectId, token);
            return result;
        }, ct));

    private static async Task<Ok<AllocationDto>> Allocation(Guid subjectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetAllocation(subjectId), ct));

    /// <summary>
    /// Who and what first (so a sub-investigator hears 403, not a password prompt), then the password (a wrong one counts
    /// toward the lockout and is a 400 on signature.password), then the signed unblinding in the command.
    /// </summary>
    private static async Task<Ok<UnblindingDto>> Unblind(Guid subjectId, UnblindRequest request, IMediator mediator, SignatureAuthenticator authenticator,
        SignatureSession session, CancellationToken ct)
    {
        await mediator.Send(new CheckUnblinding(subjectId, request.Reason), ct);
        session.Accept(await authenticator.ReauthenticateAsync(request.Signature?.Password, UnblindingEvent.Meaning, ct));
        return TypedResults.Ok(await mediator.Send(new UnblindSubject(subjectId, request.Reason), ct));
    }

    private static async Task<Ok<AllocationDto>> SwitchArm(Guid subjectId, ArmSwitchRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Domain.Subjects.Randomization.SwitchArm(subjectId, request.ToArm, request.Reason), ct));
}
