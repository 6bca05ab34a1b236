using Ctms.Domain.Integration.Dictionary;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Integration;

/// <summary>
/// The data dictionary (reference data copied from the hospital: any signed-in user reads it) and its sync: start one now,
/// and the run log with counts per dictionary (integration administrators).
/// </summary>
internal static class DictionaryEndpoints
{
    public static IEndpointRouteBuilder MapDictionaryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/dictionary/{kind}", Entries).WithTags("Dictionary")
            .WithSummary("A dictionary's entries by code (kind: department, staff, drug, lab-item, exam-item); search in code, display and alias; active; offset, limit (default 50, at most 500).");

        var sync = app.MapGroup("api/integration/dictionary-sync").WithTags("Dictionary");
        sync.MapPost("", Start)
            .WithSummary("Start a dictionary sync now; it runs in the background (202 with the run; poll runs/{id}). 409 while one runs, 503 without a hospital.");
        sync.MapGet("runs", Runs).WithSummary("The sync's run log, newest first, with counts per dictionary.");
        sync.MapGet("runs/{runId:guid}", Run).WithSummary("One run of the sync with its counts per dictionary and its error.");
        return app;
    }

    private static async Task<Ok<DictionaryEntriesPage>> Entries(string kind, string? search, bool? active, int? offset, int? limit, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListDictionaryEntries(kind, search, active, offset ?? 0, limit ?? 50), ct));

    private static async Task<Accepted<DictionarySyncRunView>> Start(IMediator mediator, CancellationToken ct)
    {
        var run = await mediator.Send(new StartDictionarySync(), ct);
        return TypedResults.Accepted($"/api/integration/dictionary-sync/runs/{run.Id}", run);
    }

    private static async Task<Ok<IReadOnlyList<DictionarySyncRunView>>> Runs(int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListDictionarySyncRuns(limit ?? 50), ct));

    private static async Task<Ok<DictionarySyncRunView>> Run(Guid runId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetDictionarySyncRun(runId), ct));
}
