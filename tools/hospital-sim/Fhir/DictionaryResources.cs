using Hl7.Fhir.Model;

namespace Ctms.HospitalSim.Fhir;

/// <summary>
/// The dictionaries (Organization, Practitioner, Medication, ObservationDefinition, ActivityDefinition), searchable by
/// <c>_lastUpdated</c> with <c>_sort=_lastUpdated</c> (ascending, ties broken by id) for incremental synchronisation.
/// </summary>
internal static class DictionaryResources
{
    public static IEnumerable<ResourceDefinition> Definitions()
    {
        yield return Definition("Organization", d => d.Departments);
        yield return Definition("Practitioner", d => d.Staff);
        yield return Definition("Medication", d => d.Drugs);
        yield return Definition("ObservationDefinition", d => d.LabItems);
        yield return Definition("ActivityDefinition", d => d.ExamItems);
    }

    private static ResourceDefinition Definition<T>(string type, Func<SyntheticHospital, IReadOnlyList<T>> entries) where T : Resource =>
        new(type, ["_id", "_lastUpdated"], (data, q) => Search(entries(data), q), (data, id) => entries(data).FirstOrDefault(e => e.Id == id));

    private static IEnumerable<Resource> Search<T>(IReadOnlyList<T> entries, SearchQuery query) where T : Resource
    {
        var dates = query.Dates("_lastUpdated");
        var ids = query.All("_id").ToList();
        var matches = entries.Where(e => dates.All(d => d.Matches(e.Meta!.LastUpdated!.Value)) && ids.All(id => id == e.Id));
        return query.One("_sort") switch
        {
            null or "_id" => matches.OrderBy(e => e.Id, StringComparer.Ordinal),
            "_lastUpdated" => matches.OrderBy(e => e.Meta!.LastUpdated).ThenBy(e => e.Id, StringComparer.Ordinal),
            "-_lastUpdated" => matches.OrderByDescending(e => e.Meta!.LastUpdated).ThenBy(e => e.Id, StringComparer.Ordinal),
            var other => throw new SearchException($"Cannot sort by '{other}'; supported: _lastUpdated, -_lastUpdated, _id."),
        };
    }
}
