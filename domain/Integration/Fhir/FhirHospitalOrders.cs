using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Orders;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace Ctms.Domain.Integration.Fhir;

/// <summary>
/// <see cref="IHospitalOrders"/> over FHIR R4: an order is a <c>ServiceRequest</c> (intent order, status active) carrying the
/// CTMS order id as identifier <c>urn:ctms:order</c> and the paid-by-trial extension. Before creating, the hospital is asked
/// for a ServiceRequest with that identifier (a search, retried like every read); the create itself goes over the client
/// that never repeats a POST, so a lost answer cannot turn into two orders.
/// </summary>
public sealed class FhirHospitalOrders(HospitalFhir fhir) : IHospitalOrders
{
    /// <summary>The extension that flags an order as paid by the trial, not billed to the patient.</summary>
    public const string PaidByTrialExtension = "http://ctms.example.org/fhir/StructureDefinition/paid-by-trial";

    public async Task<PlacedOrder> PlaceAsync(HospitalOrderRequest request, CancellationToken ct)
    {
        var identifier = $"{HospitalFhir.OrderSystem}|{request.OrderId}";
        var existing = await fhir.SearchAllAsync<ServiceRequest>("find an order", new SearchParams().Add("identifier", identifier).LimitTo(2), 2, ct);
        if (existing.FirstOrDefault() is { Id: { Length: > 0 } id })
        {
            return new PlacedOrder(id, AlreadyPlaced: true);
        }
        var order = new ServiceRequest
        {
            Status = RequestStatus.Active,
            Intent = RequestIntent.Order,
            Identifier = [new Identifier(HospitalFhir.OrderSystem, request.OrderId.ToString())],
            Subject = new ResourceReference($"Patient/{request.HospitalPatientId}"),
            Code = new CodeableConcept(request.Code.System, request.Code.Code, request.Code.Display, request.Code.Display),
            Category = [new CodeableConcept("http://snomed.info/sct", request.Kind == HospitalOrderKind.Lab ? "108252007" : "363679005",
                request.Kind == HospitalOrderKind.Lab ? "Laboratory procedure" : "Imaging")],
            AuthoredOn = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
            Extension = [new Extension(PaidByTrialExtension, new FhirBoolean(request.PaidByTrial))],
            Note = [new Annotation { Text = request.Note ?? (request.PaidByTrial ? "Paid by the clinical trial." : "Ordered by the clinical trial.") }],
        };
        var created = await fhir.CallAsync("place an order", client => client.CreateAsync(order, ct), ct, write: true);
        return created?.Id is { Length: > 0 } createdId
            ? new PlacedOrder(createdId, AlreadyPlaced: false)
            : throw new HospitalResponseException("The hospital accepted the order but did not return its id (place an order).");
    }
}
