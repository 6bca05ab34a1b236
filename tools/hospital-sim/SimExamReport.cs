namespace Ctms.HospitalSim;

/// <summary>
/// An exam report (DiagnosticReport: LOINC code, category radiology or cardiology, a conclusion).
/// <see cref="OrderId"/> and <see cref="CtmsOrderId"/> are set when it answers an order (ServiceRequest).
/// </summary>
public sealed record SimExamReport(
    string Id,
    string PatientId,
    string Code,
    string Display,
    string Category,
    string Conclusion,
    DateTimeOffset Effective,
    string? OrderId = null,
    string? CtmsOrderId = null);
