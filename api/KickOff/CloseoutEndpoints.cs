using Ctms.Domain.Closeout;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.KickOff;

/// <summary>The close-out of a project (P13): open it, the PI's summary report, the closure checks, archiving.</summary>
internal static class CloseoutEndpoints
{
    public static IEndpointRouteBuilder MapCloseoutEndpoints(this IEndpointRouteBuilder app)
    {
        var closeout = app.MapGroup("api/projects/{projectId:guid}/closeout").WithTags("Close-out");
        closeout.MapGet("", Get).WithSummary("The close-out record and a preview of the closure checks as they answer now (nothing stored).");
        closeout.MapPost("", Open).WithSummary("Open the close-out: enrollment ends, the project moves to Closing (CTI office).");
        closeout.MapPut("summary-report", SubmitReport).WithSummary("Submit the summary report (the project's PI).");
        closeout.MapPost("checks", RunChecks).WithSummary("Run the closure checks and store their results on the record (CTI office).");
        closeout.MapPost("archive", Archive).WithSummary("Archive the project after its checks (CTI director).")
            .WithDescription("409 with every failed check's reasons when a check fails.").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record SummaryReportRequest(string Summary, int? ActualEnrollment, Guid? DocumentId);

    private static async Task<Ok<CloseoutDto>> Get(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCloseout(projectId), ct));

    private static async Task<Ok<CloseoutDto>> Open(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new OpenCloseout(projectId), ct));

    private static async Task<Ok<CloseoutRecordDto>> SubmitReport(Guid projectId, SummaryReportRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SubmitSummaryReport(projectId, request.Summary, request.ActualEnrollment, request.DocumentId), ct));

    private static async Task<Ok<CloseoutDto>> RunChecks(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RunClosureChecks(projectId), ct));

    private static async Task<Ok<CloseoutDto>> Archive(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CloseProject(projectId), ct));
}
