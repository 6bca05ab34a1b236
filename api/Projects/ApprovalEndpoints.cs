using System.Security.Claims;
using Ctms.Api.Engine;
using Ctms.Domain.Projects;
using Ctms.Engine.Runtime;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Projects;

/// <summary>The steps of the approval flow (P01-P04) that are no user task: withdrawing an application, and the number the director would give.</summary>
internal static class ApprovalEndpoints
{
    /// <summary>The message that ends a project's open application process (P01), correlated by the project id.</summary>
    public const string WithdrawnMessage = "project-withdrawn";

    public static IEndpointRouteBuilder MapApprovalEndpoints(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("api/projects/{projectId:guid}").WithTags("Projects");
        projects.MapPost("withdraw", Withdraw)
            .WithSummary("Withdraw an open application (its applicant or the CTI office), with a reason; its approval process ends. Final: a later submission is refused with 409.");
        projects.MapGet("number-preview", NumberPreview)
            .WithSummary("The project number the configured rule would give the project if the CTI director approved it now (CTI director).");
        return app;
    }

    public sealed record WithdrawRequest(string? Reason);

    public sealed record NumberPreviewResponse(Guid ProjectId, string ProjectNumber, string Rule);

    private static async Task<Ok<ProjectDto>> Withdraw(Guid projectId, WithdrawRequest request, EngineCommands commands, ClaimsPrincipal user,
        CancellationToken ct) =>
        // One transaction: the project is withdrawn and its application process hears of it, or neither happens.
        TypedResults.Ok(await commands.RunScopedAsync(user, async (services, token) =>
        {
            var project = await services.GetRequiredService<IMediator>().Send(new WithdrawProject(projectId, request.Reason ?? ""), token);
            await services.GetRequiredService<BpmnEngine>().CorrelateAsync(WithdrawnMessage, projectId.ToString(),
                new Dictionary<string, object?> { ["withdrawReason"] = request.Reason?.Trim() }, timeToLive: TimeSpan.Zero, ct: token);
            return project;
        }, ct));

    private static async Task<Ok<NumberPreviewResponse>> NumberPreview(Guid projectId, IMediator mediator, ProjectNumberRule rule, CancellationToken ct) =>
        TypedResults.Ok(new NumberPreviewResponse(projectId, await mediator.Send(new PreviewProjectNumber(projectId), ct), rule.Text));
}
