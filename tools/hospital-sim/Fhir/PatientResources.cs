using Hl7.Fhir.Model;

namespace Ctms.HospitalSim.Fhir;

/// <summary>Patient search: identifier, name, birthdate, and patients with a diagnosis (<c>_has:Condition:patient:code</c>).</summary>
internal static class PatientResources
{
    public const string HasCondition = "_has:Condition:patient:code";

    public static ResourceDefinition Definition { get; } = new(
        "Patient",
        ["_id", "identifier", "name", "birthdate", HasCondition],
        Search,
        (data, id) => data.FindPatient(id) is { } p ? FhirMapper.Patient(p) : null);

    private static IEnumerable<Resource> Search(SyntheticHospital data, SearchQuery query)
    {
        IEnumerable<SimPatient> patients = data.Patients;
        foreach (var id in query.All("_id"))
            patients = patients.Where(p => p.Id == id);
        foreach (var token in query.All("identifier"))
        {
            patients = patients.Where(p =>
                SearchQuery.TokenMatches(token, Data.SimCatalog.MrnSystem, p.Mrn) ||
                SearchQuery.TokenMatches(token, Data.SimCatalog.IdNumberSystem, p.IdNumber));
        }
        foreach (var name in query.All("name"))
        {
            patients = patients.Where(p =>
                p.Family.Contains(name, StringComparison.OrdinalIgnoreCase) ||
                p.Given.Contains(name, StringComparison.OrdinalIgnoreCase) ||
                p.FullName.Contains(name, StringComparison.OrdinalIgnoreCase));
        }
        foreach (var date in query.Dates("birthdate"))
        {
            patients = patients.Where(p => date.Matches(new DateTimeOffset(p.BirthDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                new DateTimeOffset(p.BirthDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        }
        foreach (var code in query.All(HasCondition))
        {
            var bare = code.Contains('|', StringComparison.Ordinal) ? code[(code.IndexOf('|', StringComparison.Ordinal) + 1)..] : code;
            patients = patients.Where(p => p.Conditions.Any(c => c.Code.StartsWith(bare, StringComparison.OrdinalIgnoreCase)));
        }
        return patients.OrderBy(p => p.Id, StringComparer.Ordinal).Select(FhirMapper.Patient);
    }
}
