using System.Net.Http.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace Ctms.HospitalSim.Tests;

public class DictionaryTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Incremental_search_by_last_updated_sees_exactly_what_changed()
    {
        var client = fixture.Fhir();
        var before = await AllAsync<Medication>(client, []);
        before.Count.ShouldBeGreaterThanOrEqualTo(1000);
        before.Select(m => m.Meta.LastUpdated).ShouldBeInOrder();
        var high = before.Max(m => m.Meta.LastUpdated)!.Value;

        var nothing = await AllAsync<Medication>(client, [$"_lastUpdated=gt{high:yyyy-MM-ddTHH:mm:ss.fffzzz}"]);
        nothing.ShouldBeEmpty();

        await fixture.Simulator.Data.ChangeDictionariesAsync(3);
        var changed = await AllAsync<Medication>(client, [$"_lastUpdated=gt{high:yyyy-MM-ddTHH:mm:ss.fffzzz}"]);

        changed.Count.ShouldBe(7);
        var known = before.ToDictionary(m => m.Id);
        changed.Count(m => !known.ContainsKey(m.Id) && m.Meta.VersionId == "1" && m.Status == Medication.MedicationStatusCodes.Active).ShouldBe(3);
        changed.Count(m => m.Code.Coding[0].Display.Contains("(rev ", StringComparison.Ordinal)
            && known.ContainsKey(m.Id)).ShouldBe(3);
        changed.Count(m => m.Status == Medication.MedicationStatusCodes.Inactive).ShouldBe(1);
        foreach (var revised in changed.Where(m => known.ContainsKey(m.Id)))
            int.Parse(revised.Meta.VersionId, System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBe(int.Parse(before.Single(b => b.Id == revised.Id).Meta.VersionId, System.Globalization.CultureInfo.InvariantCulture) + 1);
    }

    [Fact]
    public async Task Every_dictionary_is_searchable_and_readable_by_id()
    {
        var client = fixture.Fhir();

        (await client.SearchAsync<Organization>(["_count=1"]))!.Total!.Value.ShouldBeGreaterThanOrEqualTo(40);
        (await client.SearchAsync<Practitioner>(["_count=1"]))!.Total!.Value.ShouldBeGreaterThanOrEqualTo(300);
        (await client.SearchAsync<ObservationDefinition>(["_count=1"]))!.Total!.Value.ShouldBeGreaterThanOrEqualTo(200);
        (await client.SearchAsync<ActivityDefinition>(["_count=1"]))!.Total!.Value.ShouldBeGreaterThanOrEqualTo(100);
        var department = await client.ReadAsync<Organization>("Organization/dept-001");
        department!.Identifier[0].System.ShouldBe("http://hospital.example.org/fhir/sid/dept");
        department.Name.ShouldBe("Cardiology");
        var lab = await client.ReadAsync<ObservationDefinition>("ObservationDefinition/lab-0001");
        lab!.Code.Coding.ShouldContain(c => c.System == "http://loinc.org" && c.Code == "718-7");
        var exam = await client.ReadAsync<ActivityDefinition>("ActivityDefinition/exam-0001");
        exam!.Kind.ShouldBe(ActivityDefinition.RequestResourceType.ServiceRequest);
    }

    [Fact]
    public async Task Changing_through_the_control_endpoint_adds_entries()
    {
        var departments = fixture.Simulator.Data.Departments.Count;

        using var response = await fixture.Http.PostAsJsonAsync(new Uri(fixture.Simulator.BaseUrl, "/_sim/dictionaries/change"), new { count = 2 });

        response.EnsureSuccessStatusCode();
        fixture.Simulator.Data.Departments.Count.ShouldBe(departments + 2);
    }

    private static async Task<List<T>> AllAsync<T>(FhirClient client, string[] criteria) where T : Resource, new()
    {
        var all = new List<T>();
        var page = await client.SearchAsync<T>([.. criteria, "_sort=_lastUpdated", "_count=500"]);
        while (page is not null)
        {
            all.AddRange(page.Entry.Select(e => (T)e.Resource));
            page = await client.ContinueAsync(page);
        }
        return all;
    }
}
