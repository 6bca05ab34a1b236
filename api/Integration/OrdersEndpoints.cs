using Ctms.Domain.Integration.Orders;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Integration;

/// <summary>Lab tests and exams a project orders at the hospital, paid by the trial, and their results.</summary>
internal static class OrdersEndpoints
{
    public static IEndpointRouteBuilder MapHospitalOrdersEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("api/projects/{projectId:guid}/hospital/orders").WithTags("Hospital");
        orders.MapPost("", Place)
            .WithSummary("Order a lab test or an exam at the hospital for a patient registered with this project, paid by the trial (code: LOINC; kind Lab or Exam, optional for a known code). 503 when the hospital is down: nothing is kept.");
        orders.MapGet("", List).WithSummary("The project's orders, newest first (patientId to narrow).");
        orders.MapGet("{orderId:guid}", Get).WithSummary("One order with the results the hospital posted for it.");
        return app;
    }

    public sealed record PlaceOrderRequest(Guid? PatientId, string? Code, HospitalOrderKind? Kind, string? System, string? Display, string? Note);

    private static async Task<Created<HospitalOrderDto>> Place(Guid projectId, PlaceOrderRequest request, IMediator mediator, CancellationToken ct)
    {
        var order = await mediator.Send(new PlaceHospitalOrder(projectId, request.PatientId ?? Guid.Empty, request.Code ?? "", request.Kind, request.System,
            request.Display, request.Note), ct);
        return TypedResults.Created($"/api/projects/{projectId}/hospital/orders/{order.Id}", order);
    }

    private static async Task<Ok<IReadOnlyList<HospitalOrderDto>>> List(Guid projectId, Guid? patientId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListHospitalOrders(projectId, patientId), ct));

    private static async Task<Ok<HospitalOrderDto>> Get(Guid projectId, Guid orderId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetHospitalOrder(projectId, orderId), ct));
}
