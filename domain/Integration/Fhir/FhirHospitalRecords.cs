using System.Globalization;
using Ctms.Domain.Integration.Hospital;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Task = System.Threading.Tasks.Task;

namespace Ctms.Domain.Integration.Fhir;

/// <summary>
/// <see cref="IHospitalRecords"/> over FHIR R4: Patient (with <c>_has:Condition:patient:code</c> for a diagnosis), Condition,
/// Encounter, Observation (category laboratory) and DiagnosticReport. Every search goes by POST <c>_search</c>, so no
/// identifier or name appears in a URL, an access log or a proxy.
/// </summary>
public sealed class FhirHospitalRecords(HospitalFhir fhir) : IHospitalRecords
{
    private const int PageSize = 100;

    public async Task<IReadOnlyList<HospitalPatient>> SearchPatientsAsync(PatientSearch search, int limit, CancellationToken ct)
    {
        if (search.IsEmpty)
        {
            throw new ArgumentException("Give at least one search criterion.", nameof(search));
        }
        var query = new SearchParams().LimitTo(Math.Min(limit, PageSize));
        if (!string.IsNullOrWhiteSpace(search.Mrn))
        {
            query.Add("identifier", $"{HospitalFhir.MrnSystem}|{search.Mrn.Trim()}");
        }
        if (!string.IsNullOrWhiteSpace(search.Name))
        {
            query.Add("name", search.Name.Trim());
        }
        if (search.BirthDate is { } born)
        {
            query.Add("birthdate", born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (!string.IsNullOrWhiteSpace(search.Diagnosis))
        {
            query.Add("_has:Condition:patient:code", search.Diagnosis.Trim());
        }
        var patients = await fhir.SearchAllAsync<Patient>("search patients", query, limit, ct);
        var result = new List<HospitalPatient>(patients.Count);
        foreach (var patient in patients)
        {
            result.Add(Map(patient, await DiagnosesAsync(patient.Id ?? "", ct)));
        }
        return result;
    }

    public async Task<HospitalPatient?> FindByMrnAsync(string mrn, CancellationToken ct)
    {
        var query = new SearchParams().Add("identifier", $"{HospitalFhir.MrnSystem}|{mrn.Trim()}").LimitTo(2);
        var found = await fhir.SearchAllAsync<Patient>("find a patient by MRN", query, 2, ct);
        return found.Count switch
        {
            0 => null,
            1 => Map(found[0], await DiagnosesAsync(found[0].Id ?? "", ct)),
            _ => throw new HospitalResponseException("The hospital has two patients with one MRN (find a patient by MRN)."),
        };
    }

    public async Task<IReadOnlyList<HospitalEncounter>> EncountersAsync(string hospitalPatientId, DateRange period, CancellationToken ct)
    {
        var encounters = await fhir.SearchAllAsync<Encounter>("read encounters", ForPatient(hospitalPatientId, period).LimitTo(PageSize), 1000, ct);
        return encounters.Select(e => new HospitalEncounter(e.Id ?? "", e.Class?.Code ?? "", e.Status?.ToString() ?? "",
                Instant(e.Period?.Start), Instant(e.Period?.End), e.ServiceProvider?.Display))
            .OrderBy(e => e.Start).ToList();
    }

    public async Task<IReadOnlyList<HospitalLabResult>> LabResultsAsync(string hospitalPatientId, DateRange period, CancellationToken ct)
    {
        var query = ForPatient(hospitalPatientId, period).Add("category", "laboratory").LimitTo(PageSize);
        var observations = await fhir.SearchAllAsync<Observation>("read lab results", query, 5000, ct);
        return observations.Select(MapLab).OrderBy(o => o.EffectiveAt).ToList();
    }

    public async Task<IReadOnlyList<HospitalExamReport>> ExamReportsAsync(string hospitalPatientId, DateRange period, CancellationToken ct)
    {
        var reports = await fhir.SearchAllAsync<DiagnosticReport>("read exam reports", ForPatient(hospitalPatientId, period).LimitTo(PageSize), 1000, ct);
        return reports.Select(MapExam).OrderBy(r => r.EffectiveAt).ToList();
    }

    public static HospitalLabResult MapLab(Observation o)
    {
        var quantity = o.Value as Quantity;
        var range = o.ReferenceRange.FirstOrDefault();
        return new HospitalLabResult(o.Id ?? "", Code(o.Code), quantity?.Value, quantity?.Unit ?? quantity?.Code,
            quantity is null ? o.Value?.ToString() : null, range?.Low?.Value, range?.High?.Value,
            o.Interpretation.FirstOrDefault()?.Coding.FirstOrDefault()?.Code, Instant(o.Effective as FhirDateTime),
            o.Status?.ToString() ?? "", OrderId(o.Identifier));
    }

    public static HospitalExamReport MapExam(DiagnosticReport r) =>
        new(r.Id ?? "", Code(r.Code), r.Category.FirstOrDefault()?.Coding.FirstOrDefault()?.Code, r.Conclusion, Instant(r.Effective as FhirDateTime),
            r.Status?.ToString() ?? "", OrderId(r.Identifier));

    /// <summary>The CTMS order id a result carries (copied by the hospital from the order's identifier).</summary>
    public static string? OrderId(IEnumerable<Identifier> identifiers) =>
        identifiers.FirstOrDefault(i => i.System == HospitalFhir.OrderSystem)?.Value;

    public static HospitalCode Code(CodeableConcept? concept)
    {
        var coding = concept?.Coding.FirstOrDefault();
        return new HospitalCode(coding?.System ?? "", coding?.Code ?? "", coding?.Display ?? concept?.Text);
    }

    public static DateTimeOffset? Instant(FhirDateTime? value) => value?.TryToDateTimeOffset(out var at) == true ? at : null;

    public static DateTimeOffset? Instant(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static SearchParams ForPatient(string hospitalPatientId, DateRange period)
    {
        var query = new SearchParams().Add("patient", hospitalPatientId);
        if (period.From is { } from)
        {
            query.Add("date", "ge" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (period.To is { } to)
        {
            query.Add("date", "le" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return query;
    }

    private async Task<IReadOnlyList<HospitalCode>> DiagnosesAsync(string patientId, CancellationToken ct)
    {
        var conditions = await fhir.SearchAllAsync<Condition>("read diagnoses", new SearchParams().Add("patient", patientId).LimitTo(PageSize), 200, ct);
        return conditions.Select(c => Code(c.Code)).Where(c => c.Code.Length > 0).ToList();
    }

    private static HospitalPatient Map(Patient p, IReadOnlyList<HospitalCode> diagnoses)
    {
        var mrn = p.Identifier.FirstOrDefault(i => i.System == HospitalFhir.MrnSystem)?.Value
            ?? throw new HospitalResponseException("A patient in the hospital's answer has no MRN.");
        var name = p.Name.FirstOrDefault(n => n.Use is null or HumanName.NameUse.Official) ?? p.Name.FirstOrDefault();
        var family = name?.Family ?? "";
        var given = string.Join(" ", name?.Given ?? []);
        DateOnly? born = DateOnly.TryParseExact(p.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new HospitalPatient(p.Id ?? "", mrn, p.Identifier.FirstOrDefault(i => i.System == HospitalFhir.IdNumberSystem)?.Value, family, given,
            name?.Text ?? $"{family} {given}".Trim(), born, p.Gender?.ToString().ToLowerInvariant(), diagnoses);
    }
}
