using Ctms.Domain.Pharmacy.Transfers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Pharmacy;

/// <summary>Two-sided transfers between the pharmacy's places (O19): scanned out by the sender, scanned in by the receiver.</summary>
internal static class TransferEndpoints
{
    public static IEndpointRouteBuilder MapTransferEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/projects/{projectId:guid}/pharmacy/transfers", List).WithTags("Pharmacy").WithSummary("The project's transfers, newest first.");
        app.MapPost("api/projects/{projectId:guid}/pharmacy/transfers", Send).WithTags("Pharmacy")
            .WithSummary("Send kits to another place ({fromLocationId, toLocationId, kits}): they are in transit until scanned in.");
        app.MapPost("api/transfers/{transferId:guid}/receive", Receive).WithTags("Pharmacy")
            .WithSummary("Scan in the kits that arrived ({kits}); a kit not sent is refused by name.");
        return app;
    }

    public sealed record SendRequest(Guid? FromLocationId, Guid? ToLocationId, IReadOnlyList<string>? Kits);

    public sealed record ReceiveRequest(IReadOnlyList<string>? Kits);

    private static async Task<Ok<IReadOnlyList<TransferDto>>> List(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListTransfers(projectId), ct));

    private static async Task<Created<TransferDto>> Send(Guid projectId, SendRequest r, IMediator mediator, CancellationToken ct)
    {
        var transfer = await mediator.Send(new SendTransfer(projectId, r.FromLocationId ?? Guid.Empty, r.ToLocationId ?? Guid.Empty, r.Kits), ct);
        return TypedResults.Created($"/api/projects/{projectId}/pharmacy/transfers", transfer);
    }

    private static async Task<Ok<TransferDto>> Receive(Guid transferId, ReceiveRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReceiveTransfer(transferId, r.Kits), ct));
}
