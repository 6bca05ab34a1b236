using Ctms.Domain.Ethics.Continuing;
using Ctms.Domain.Ethics.Gate;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Ethics;

/// <summary>
/// The ethics gate of a project (may subjects be enrolled now, and if not, why) and its continuing reviews (P14). The
/// gate is the domain's <see cref="EthicsGate"/>, registered as the <see cref="IEnrollmentGate"/> the enrolling steps ask.
/// </summary>
internal static class GateEndpoints
{
    public static IServiceCollection AddCtmsEthicsGate(this IServiceCollection services) =>
        services.AddScoped<IEnrollmentGate, EthicsGate>();

    public static IEndpointRouteBuilder MapEthicsGateEndpoints(this IEndpointRouteBuilder app)
    {
        var ethics = app.MapGroup("api/projects/{projectId:guid}/ethics").WithTags("Ethics");
        ethics.MapGet("gate", Gate)
            .WithSummary("The ethics gate now: open only when the current protocol and consent versions are approved, the approval has not lapsed, and the study is not suspended or terminated; each condition with its reason.");
        ethics.MapGet("continuing-reviews", Continuing)
            .WithSummary("The continuing-review cycles (P14), the latest due first: due date, reminder, lapse, the annual report, its review and the renewal.");
        app.MapAmendmentsEndpoints();
        return app;
    }

    private static async Task<Ok<EthicsGateResult>> Gate(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetEthicsGate(projectId), ct));

    private static async Task<Ok<IReadOnlyList<ContinuingCycleDto>>> Continuing(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListContinuingCycles(projectId), ct));
}
