using Ctms.Domain.Integration.Hospital;

namespace Ctms.Domain.Integration.Notifications;

/// <summary>One thing a hospital notification tells the CTMS (read by <see cref="Fhir.FhirNotificationReader"/>).</summary>
public abstract record InboundEvent;

/// <summary>
/// A lab result. <see cref="HospitalLabResult.OrderId"/> is the CTMS order id the hospital copied; <paramref name="ServiceRequestId"/>
/// the order's id at the hospital (from <c>basedOn</c>), for a result that lost the identifier.
/// </summary>
public sealed record LabResultArrived(HospitalLabResult Result, string? ServiceRequestId) : InboundEvent;

public sealed record ExamReportArrived(HospitalExamReport Report, string? ServiceRequestId) : InboundEvent;

/// <summary>A patient admitted (an inpatient encounter began) or discharged (it ended).</summary>
public sealed record EncounterChanged(string HospitalPatientId, HospitalEncounter Encounter, bool Discharged) : InboundEvent;

/// <summary>A resource the CTMS does not act on (the order itself, riding along with its result).</summary>
public sealed record OtherResource(string ResourceType) : InboundEvent;

/// <summary>A notification's body is not a FHIR R4 Bundle the CTMS can read. The message says what, never quoting the body.</summary>
public sealed class MalformedNotificationException(string message, Exception? inner = null) : Exception(message, inner);
