using Ctms.Domain.Pharmacy.Receipt;
using Ctms.Domain.Pharmacy.Stock;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Pharmacy;

/// <summary>
/// The pharmacy's places, a project's products, shipments and their receipt (O18), kits, and the stock counts recomputed
/// from the ledger for any day.
/// </summary>
internal static class StockEndpoints
{
    public static IEndpointRouteBuilder MapStockEndpoints(this IEndpointRouteBuilder app)
    {
        var places = app.MapGroup("api/pharmacy/locations").WithTags("Pharmacy");
        places.MapGet("", ListLocations).WithSummary("The pharmacy's places (central, satellites, quarantine); ?outside=true adds the ledger's outside places.");
        places.MapPut("{code}", PutLocation).WithSummary("Add or change a place of the pharmacy (pharmacists, administrators).");

        var project = app.MapGroup("api/projects/{projectId:guid}/pharmacy").WithTags("Pharmacy");
        project.MapGet("products", ListProducts).WithSummary("The project's investigational products.");
        project.MapPut("products/{code}", PutProduct).WithSummary("Add or change a product: drug dictionary code, unit, kit size, storage range.");
        project.MapGet("shipments", ListShipments).WithSummary("The project's shipments, newest first.");
        project.MapPost("shipments", RegisterShipment).WithSummary("Register a shipment with its packing list (O18): its kits become expected kits.");
        project.MapGet("kits", ListKits).WithSummary("The project's kits (?status=, ?locationId=); a kit's content only to roles the blinding allows.");
        project.MapGet("kits/scan", Scan).WithSummary("The kit a scanned or typed code names (?code=).");
        project.MapGet("stock", Counts).WithSummary("Stock by place, product and batch on a day (?on=yyyy-MM-dd, default today), from the ledger; kits by random code.");

        var shipments = app.MapGroup("api/shipments/{shipmentId:guid}").WithTags("Pharmacy");
        shipments.MapGet("", GetShipment).WithSummary("One shipment with its discrepancies.");
        shipments.MapPost("receive", Receive).WithSummary("Receive a shipment: the scanned kit codes, the damaged ones, the temperature log.");

        var kits = app.MapGroup("api/kits/{kitId:guid}").WithTags("Pharmacy");
        kits.MapPost("adjust", Adjust).WithSummary("Correct a kit's units on site ({delta, reason}); never below zero.");
        kits.MapPost("quarantine", Quarantine).WithSummary("Put a kit in quarantine ({locationId, reason}).");
        kits.MapPost("release", Release).WithSummary("Release a quarantined kit to a pharmacy ({locationId, reason}).");
        return app;
    }

    public sealed record LocationRequest(string? Name, LocationKind? Kind, string? Department, bool? Active);

    public sealed record ProductRequest(string? Name, string? DrugCode, string? Unit, int? UnitsPerKit, decimal? MinTemperature, decimal? MaxTemperature,
        string? Storage);

    public sealed record ShipmentRequest(string? Number, Guid? LocationId, string? Sender, IReadOnlyList<PackingLine>? Kits);

    public sealed record ReceiveRequest(IReadOnlyList<string>? Scanned, IReadOnlyList<DamagedKit>? Damaged, decimal? LoggedMin, decimal? LoggedMax,
        string? LoggerReference, string? Note);

    public sealed record AdjustRequest(int? Delta, string? Reason);

    public sealed record PlaceRequest(Guid? LocationId, string? Reason);

    private static async Task<Ok<IReadOnlyList<LocationDto>>> ListLocations(bool? outside, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListLocations(outside ?? false), ct));

    private static async Task<Ok<LocationDto>> PutLocation(string code, LocationRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveLocation(code, r.Name, r.Kind ?? LocationKind.CentralPharmacy, r.Department, r.Active ?? true), ct));

    private static async Task<Ok<IReadOnlyList<ProductDto>>> ListProducts(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListProducts(projectId), ct));

    private static async Task<Ok<ProductDto>> PutProduct(Guid projectId, string code, ProductRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveProduct(projectId, code, r.Name, r.DrugCode, r.Unit, r.UnitsPerKit ?? 0, r.MinTemperature,
            r.MaxTemperature, r.Storage), ct));

    private static async Task<Ok<IReadOnlyList<ShipmentDto>>> ListShipments(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListShipments(projectId), ct));

    private static async Task<Created<ShipmentDto>> RegisterShipment(Guid projectId, ShipmentRequest r, IMediator mediator, CancellationToken ct)
    {
        var shipment = await mediator.Send(new RegisterShipment(projectId, r.Number, r.LocationId ?? Guid.Empty, r.Sender, r.Kits), ct);
        return TypedResults.Created($"/api/shipments/{shipment.Id}", shipment);
    }

    private static async Task<Ok<ShipmentDto>> GetShipment(Guid shipmentId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetShipment(shipmentId), ct));

    private static async Task<Ok<ShipmentDto>> Receive(Guid shipmentId, ReceiveRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReceiveShipment(shipmentId, r.Scanned, r.Damaged, r.LoggedMin, r.LoggedMax, r.LoggerReference, r.Note), ct));

    private static async Task<Ok<IReadOnlyList<KitDto>>> ListKits(Guid projectId, KitStatus? status, Guid? locationId, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListKits(projectId, status, locationId), ct));

    private static async Task<Ok<KitDto>> Scan(Guid projectId, string? code, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetKitByCode(projectId, code), ct));

    private static async Task<Ok<StockCountsDto>> Counts(Guid projectId, DateOnly? on, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetStockCounts(projectId, on), ct));

    private static async Task<Ok<KitDto>> Adjust(Guid kitId, AdjustRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new AdjustKit(kitId, r.Delta ?? 0, r.Reason), ct));

    private static async Task<Ok<KitDto>> Quarantine(Guid kitId, PlaceRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SetKitQuarantine(kitId, true, r.LocationId ?? Guid.Empty, r.Reason), ct));

    private static async Task<Ok<KitDto>> Release(Guid kitId, PlaceRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SetKitQuarantine(kitId, false, r.LocationId ?? Guid.Empty, r.Reason), ct));
}
