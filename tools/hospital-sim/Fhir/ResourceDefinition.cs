using Hl7.Fhir.Model;

namespace Ctms.HospitalSim.Fhir;

/// <summary>
/// One resource type the simulator serves: the search parameters it supports, how a search runs (filtered and in a
/// stable order) and how one resource is read by id.
/// </summary>
internal sealed record ResourceDefinition(
    string Type,
    IReadOnlyList<string> SearchParams,
    Func<SyntheticHospital, SearchQuery, IEnumerable<Resource>> Search,
    Func<SyntheticHospital, string, Resource?> Read);
