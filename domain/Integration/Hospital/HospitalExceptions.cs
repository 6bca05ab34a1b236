namespace Ctms.Domain.Integration.Hospital;

/// <summary>
/// The hospital could not be reached in time: it is down, too slow, or the circuit breaker is open after repeated failures.
/// The API answers 503; retrying later may help. The message names the operation, never a patient.
/// </summary>
public sealed class HospitalUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The hospital answered, but not with what FHIR R4 allows here (malformed JSON, an unexpected resource or status).
/// The API answers 502; retrying the same request will not help until the hospital side is fixed.
/// </summary>
public sealed class HospitalResponseException(string message, Exception? inner = null) : Exception(message, inner);
