namespace Ctms.HospitalSim;

/// <summary>
/// A lab result (LOINC code, UCUM unit, reference range, interpretation H/L/N). <see cref="OrderId"/> and
/// <see cref="CtmsOrderId"/> are set when it answers an order (ServiceRequest).
/// </summary>
public sealed record SimObservation(
    string Id,
    string PatientId,
    string Code,
    string Display,
    decimal Value,
    string Unit,
    decimal Low,
    decimal High,
    string Interpretation,
    DateTimeOffset Effective,
    string? OrderId = null,
    string? CtmsOrderId = null);
