using Ctms.Domain.Integration.Hospital;

namespace Ctms.Domain.Integration.Orders;

/// <summary>
/// Places orders at the hospital (HIS/LIS), flagged as paid by the trial. Placing the same <see cref="HospitalOrderRequest.OrderId"/>
/// again (a retry after an unknown outcome) returns the order the hospital already has instead of ordering twice.
/// </summary>
public interface IHospitalOrders
{
    Task<PlacedOrder> PlaceAsync(HospitalOrderRequest request, CancellationToken ct);
}

/// <summary>An order for the patient the hospital knows as <paramref name="HospitalPatientId"/> (its Patient resource id).</summary>
public sealed record HospitalOrderRequest(Guid OrderId, string HospitalPatientId, HospitalOrderKind Kind, HospitalCode Code, bool PaidByTrial,
    string? Note);

/// <summary>The hospital's id of the order (the ServiceRequest) and whether it already existed.</summary>
public sealed record PlacedOrder(string HospitalRequestId, bool AlreadyPlaced);
