using Ctms.Domain.Ethics.Decisions;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Ethics;

/// <summary>
/// A project's ethics decisions (P09) for the applicant, the PI and the EC office: each with its letter and its
/// signatures checked against the decision as it is now (a decision changed after signing shows its signature broken).
/// </summary>
internal static class DecisionsEndpoints
{
    public static IEndpointRouteBuilder MapEthicsDecisionsEndpoints(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("api/projects/{projectId:guid}/ethics").WithTags("Ethics decisions");
        project.MapGet("", Overview).WithSummary("The project's ethics: its reviews with their status, and its decisions with their letters and signatures.");
        project.MapGet("decisions", List).WithSummary("The project's ethics decisions, newest first, each with its letter and its signatures (intact or broken).");
        app.MapEthicsLettersEndpoints();
        return app;
    }

    private static async Task<Ok<ProjectEthicsView>> Overview(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetProjectEthics(projectId), ct));

    private static async Task<Ok<IReadOnlyList<EthicsDecisionView>>> List(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListEthicsDecisions(projectId), ct));
}
