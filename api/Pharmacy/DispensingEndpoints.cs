using Ctms.Domain.Pharmacy.Dispensing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Pharmacy;

/// <summary>Prescriptions (O20: investigators only, under the blinding) and dispensing by scan (O21: the pharmacy).</summary>
internal static class DispensingEndpoints
{
    public static IEndpointRouteBuilder MapDispensingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("api/subjects/{subjectId:guid}/prescriptions", Issue).WithTags("Pharmacy")
            .WithSummary("Prescribe the study drug for the subject at a visit ({visitCode, product?, unitsPerDay?, note?}); investigators only.");
        app.MapGet("api/projects/{projectId:guid}/pharmacy/prescriptions", List).WithTags("Pharmacy")
            .WithSummary("The project's prescriptions (?status=Issued|Dispensed|Cancelled, ?subjectId=), newest first.");
        var prescription = app.MapGroup("api/prescriptions/{prescriptionId:guid}").WithTags("Pharmacy");
        prescription.MapPost("cancel", Cancel).WithSummary("Cancel an issued prescription ({reason}).");
        prescription.MapGet("suggestion", Suggest).WithSummary("The kit to pick at a place (?locationId=): the first to expire among those that fit.");
        prescription.MapPost("dispense", Dispense)
            .WithSummary("Dispense by scanning a kit ({code, locationId}): refused with the reason when the kit does not fit; the label to print comes back.");
        return app;
    }

    public sealed record PrescriptionRequest(string? VisitCode, string? Product, decimal? UnitsPerDay, string? Note);

    public sealed record CancelRequest(string? Reason);

    public sealed record DispenseRequest(string? Code, Guid? LocationId);

    private static async Task<Created<PrescriptionDto>> Issue(Guid subjectId, PrescriptionRequest r, IMediator mediator, CancellationToken ct)
    {
        var prescription = await mediator.Send(new IssuePrescription(subjectId, r.VisitCode, r.Product, r.UnitsPerDay, r.Note), ct);
        return TypedResults.Created($"/api/prescriptions/{prescription.Id}", prescription);
    }

    private static async Task<Ok<IReadOnlyList<PrescriptionDto>>> List(Guid projectId, PrescriptionStatus? status, Guid? subjectId, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListPrescriptions(projectId, status, subjectId), ct));

    private static async Task<Ok<PrescriptionDto>> Cancel(Guid prescriptionId, CancelRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CancelPrescription(prescriptionId, r.Reason), ct));

    private static async Task<Ok<KitSuggestionDto>> Suggest(Guid prescriptionId, Guid locationId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SuggestKit(prescriptionId, locationId), ct));

    private static async Task<Ok<DispensingDto>> Dispense(Guid prescriptionId, DispenseRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DispenseKit(prescriptionId, r.Code, r.LocationId ?? Guid.Empty), ct));
}
