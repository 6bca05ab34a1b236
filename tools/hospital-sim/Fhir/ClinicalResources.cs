using Hl7.Fhir.Model;

namespace Ctms.HospitalSim.Fhir;

/// <summary>A patient's history: Condition, Encounter, Observation (lab) and DiagnosticReport (exams), by patient and period.</summary>
internal static class ClinicalResources
{
    public static IEnumerable<ResourceDefinition> Definitions()
    {
        yield return new ResourceDefinition("Condition", ["patient", "subject", "code"],
            (data, q) => Patients(data, q).SelectMany(p => p.Conditions)
                .Where(c => q.All("code").All(t => SearchQuery.TokenMatches(t, Data.SimCatalog.Icd10, c.Code)))
                .OrderBy(c => c.Id, StringComparer.Ordinal).Select(FhirMapper.Condition),
            (data, id) => All(data, p => p.Conditions).FirstOrDefault(c => c.Id == id) is { } c ? FhirMapper.Condition(c) : null);

        yield return new ResourceDefinition("Encounter", ["patient", "subject", "date", "class", "status"],
            (data, q) =>
            {
                var dates = q.Dates("date");
                return Patients(data, q).SelectMany(p => p.Encounters)
                    .Where(e => dates.All(d => d.Matches(e.Start, e.End)))
                    .Where(e => q.All("class").All(c => c == e.Class))
                    .Where(e => q.All("status").All(s => s == e.Status))
                    .OrderBy(e => e.Id, StringComparer.Ordinal).Select(FhirMapper.Encounter);
            },
            (data, id) => All(data, p => p.Encounters).FirstOrDefault(e => e.Id == id) is { } e ? FhirMapper.Encounter(e) : null);

        yield return new ResourceDefinition("Observation", ["patient", "subject", "date", "category", "code", "based-on"],
            (data, q) =>
            {
                var dates = q.Dates("date");
                return Patients(data, q).SelectMany(p => p.Observations)
                    .Where(o => dates.All(d => d.Matches(o.Effective)))
                    .Where(o => q.All("category").All(c => c is "laboratory" || c.EndsWith("|laboratory", StringComparison.Ordinal)))
                    .Where(o => q.All("code").All(t => SearchQuery.TokenMatches(t, Data.SimCatalog.Loinc, o.Code)))
                    .Where(o => q.All("based-on").All(b => Order(b) == o.OrderId))
                    .OrderBy(o => o.Id, StringComparer.Ordinal).Select(FhirMapper.Observation);
            },
            (data, id) => All(data, p => p.Observations).FirstOrDefault(o => o.Id == id) is { } o ? FhirMapper.Observation(o) : null);

        yield return new ResourceDefinition("DiagnosticReport", ["patient", "subject", "date", "category", "code", "based-on"],
            (data, q) =>
            {
                var dates = q.Dates("date");
                return Patients(data, q).SelectMany(p => p.ExamReports)
                    .Where(r => dates.All(d => d.Matches(r.Effective)))
                    .Where(r => q.All("category").All(c => c == r.Category || c.EndsWith("|" + r.Category, StringComparison.Ordinal)))
                    .Where(r => q.All("code").All(t => SearchQuery.TokenMatches(t, Data.SimCatalog.Loinc, r.Code)))
                    .Where(r => q.All("based-on").All(b => Order(b) == r.OrderId))
                    .OrderBy(r => r.Id, StringComparer.Ordinal).Select(FhirMapper.DiagnosticReport);
            },
            (data, id) => All(data, p => p.ExamReports).FirstOrDefault(r => r.Id == id) is { } r ? FhirMapper.DiagnosticReport(r) : null);
    }

    /// <summary>The patients a search is about: the one named by <c>patient</c>, or all.</summary>
    private static IEnumerable<SimPatient> Patients(SyntheticHospital data, SearchQuery query) =>
        query.PatientId() is { } id ? data.FindPatient(id) is { } p ? [p] : [] : data.Patients;

    private static IEnumerable<T> All<T>(SyntheticHospital data, Func<SimPatient, IReadOnlyList<T>> list) =>
        data.Patients.SelectMany(list);

    private static string Order(string reference) =>
        reference.StartsWith("ServiceRequest/", StringComparison.Ordinal) ? reference["ServiceRequest/".Length..] : reference;
}
