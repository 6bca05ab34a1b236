using System.Text.Json;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Notifications;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Ctms.Domain.Integration.Fhir;

/// <summary>
/// Reads a hospital notification (a FHIR R4 Bundle, rest-hook style, of type history or collection) into the events the
/// CTMS acts on: lab results (Observation), exam reports (DiagnosticReport) and admissions or discharges (Encounter of
/// class IMP). Resources it does not act on (the ServiceRequest that rides along with its result) are listed as such.
/// </summary>
public static class FhirNotificationReader
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <exception cref="MalformedNotificationException">The body is not JSON, not FHIR R4, or not a Bundle.</exception>
    public static IReadOnlyList<InboundEvent> Read(ReadOnlySpan<byte> body)
    {
        Resource? resource;
        try
        {
            resource = JsonSerializer.Deserialize<Resource>(body, Options);
        }
        catch (Exception e) when (e is JsonException or DeserializationFailedException or FormatException or InvalidOperationException or NotSupportedException)
        {
            // The exception's text may quote the body (an identifier); only its type goes out.
            throw new MalformedNotificationException($"The notification is not valid FHIR R4 JSON ({e.GetType().Name}).", e);
        }
        if (resource is not Bundle bundle)
        {
            throw new MalformedNotificationException($"The notification must be a FHIR Bundle, not {resource?.TypeName ?? "nothing"}.");
        }
        return bundle.Entry.Select(e => e.Resource).OfType<Resource>().Select(Read).ToList();
    }

    private static InboundEvent Read(Resource resource) => resource switch
    {
        Observation o => new LabResultArrived(FhirHospitalRecords.MapLab(o), ServiceRequestId(o.BasedOn)),
        DiagnosticReport r => new ExamReportArrived(FhirHospitalRecords.MapExam(r), ServiceRequestId(r.BasedOn)),
        Encounter e when PatientId(e.Subject) is { } patient => new EncounterChanged(patient,
            new HospitalEncounter(e.Id ?? "", e.Class?.Code ?? "", e.Status?.ToString() ?? "", FhirHospitalRecords.Instant(e.Period?.Start),
                FhirHospitalRecords.Instant(e.Period?.End), e.ServiceProvider?.Display),
            Discharged: e.Status == Encounter.EncounterStatus.Finished || !string.IsNullOrEmpty(e.Period?.End)),
        _ => new OtherResource(resource.TypeName),
    };

    private static string? ServiceRequestId(IEnumerable<ResourceReference> basedOn) =>
        basedOn.Select(r => r.Reference).FirstOrDefault(r => r?.StartsWith("ServiceRequest/", StringComparison.Ordinal) == true)?["ServiceRequest/".Length..];

    private static string? PatientId(ResourceReference? subject) =>
        subject?.Reference is { } reference && reference.StartsWith("Patient/", StringComparison.Ordinal) && reference.Length > "Patient/".Length
            ? reference["Patient/".Length..]
            : null;
}
