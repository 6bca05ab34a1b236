using Ctms.Domain.Audit;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Audit;

/// <summary>The audit trail: read it, and check that its hash chain is unbroken.</summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("api/audit").WithTags("Audit trail");
        audit.MapGet("", List).WithSummary("Audit records in order, optionally for one entity; page with 'after'.");
        audit.MapGet("verify", Verify).WithSummary("Recompute the hash chain and report the first broken link.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AuditRecordDto>>> List(string? entityType, string? entityKey, long? after, int? take,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAuditRecords(entityType, entityKey, after, take ?? 100), ct));

    private static async Task<Ok<AuditChainReport>> Verify(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new VerifyAuditChain(), ct));
}
