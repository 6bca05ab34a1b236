using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace Ctms.HospitalSim.Tests;

public class PatientSearchTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private SyntheticHospital Data => fixture.Simulator.Data;

    [Fact]
    public async Task A_patient_is_found_by_MRN_through_POST_search()
    {
        var patient = Data.Patients[17];

        var bundle = await fixture.Fhir().SearchUsingPostAsync<Patient>([$"identifier=http://hospital.example.org/fhir/sid/mrn|{patient.Mrn}"]);

        bundle!.Total.ShouldBe(1);
        var found = (Patient)bundle.Entry[0].Resource;
        found.Id.ShouldBe(patient.Id);
        found.Name[0].Family.ShouldBe(patient.Family);
        found.BirthDate.ShouldBe(patient.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        found.Identifier.ShouldContain(i => i.System == "urn:oid:2.16.156.10011.1.3" && i.Value == patient.IdNumber);
        bundle.SelfLink.ToString().ShouldNotContain(patient.Mrn);
    }

    [Fact]
    public async Task A_patient_is_found_by_a_bare_identifier_value_and_by_ID_number()
    {
        var patient = Data.Patients[3];

        var byMrn = await fixture.Fhir().SearchUsingPostAsync<Patient>([$"identifier={patient.Mrn}"]);
        var byIdNumber = await fixture.Fhir().SearchUsingPostAsync<Patient>([$"identifier=urn:oid:2.16.156.10011.1.3|{patient.IdNumber}"]);

        byMrn!.Entry.Single().Resource.Id.ShouldBe(patient.Id);
        byIdNumber!.Entry.Single().Resource.Id.ShouldBe(patient.Id);
    }

    [Fact]
    public async Task Name_search_is_a_case_insensitive_contains_on_family_given_and_text()
    {
        var patient = Data.Patients[5];
        var expected = Data.Patients.Where(p => p.FullName.Contains(patient.Family.ToUpperInvariant(), StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Id).ToList();

        var bundle = await fixture.Fhir().SearchAsync<Patient>([$"name={patient.Family.ToUpperInvariant()}", "_count=500"]);

        bundle!.Entry.Select(e => e.Resource.Id).ShouldBe(expected);
    }

    [Fact]
    public async Task Birthdate_search_matches_the_day()
    {
        var patient = Data.Patients[9];
        var date = patient.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var bundle = await fixture.Fhir().SearchAsync<Patient>([$"birthdate={date}"]);

        bundle!.Entry.Select(e => e.Resource.Id).ShouldBe(Data.Patients.Where(p => p.BirthDate == patient.BirthDate).Select(p => p.Id));
    }

    [Fact]
    public async Task Diagnosis_search_matches_ICD_10_codes_by_prefix()
    {
        var expected = Data.Patients.Where(p => p.Conditions.Any(c => c.Code.StartsWith("C34", StringComparison.Ordinal))).Select(p => p.Id).ToList();
        expected.ShouldNotBeEmpty();

        var bundle = await fixture.Fhir().SearchAsync<Patient>(["_has:Condition:patient:code=C34", "_count=500"]);

        bundle!.Entry.Select(e => e.Resource.Id).ShouldBe(expected);
    }

    [Fact]
    public async Task Pages_follow_next_links_to_every_patient_once()
    {
        var client = fixture.Fhir();
        var ids = new List<string>();

        var page = await client.SearchAsync<Patient>(["_count=25"]);
        page!.Total.ShouldBe(60);
        while (page is not null)
        {
            ids.AddRange(page.Entry.Select(e => e.Resource.Id));
            page.Entry.Count.ShouldBeLessThanOrEqualTo(25);
            page = await client.ContinueAsync(page);
        }

        ids.ShouldBe(Data.Patients.Select(p => p.Id));
    }

    [Fact]
    public async Task Reading_an_unknown_patient_is_404_and_an_unknown_parameter_is_400()
    {
        var missing = await Should.ThrowAsync<FhirOperationException>(() => fixture.Fhir().ReadAsync<Patient>("Patient/pat-99999"));
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.Outcome.Issue.ShouldNotBeEmpty();

        var bad = await Should.ThrowAsync<FhirOperationException>(() => fixture.Fhir().SearchAsync<Patient>(["shoe-size=42"]));
        bad.Status.ShouldBe(HttpStatusCode.BadRequest);
        bad.Outcome.Issue[0].Diagnostics.ShouldContain("shoe-size");
    }

    [Fact]
    public async Task A_patient_is_read_by_id()
    {
        var patient = await fixture.Fhir().ReadAsync<Patient>("Patient/pat-00002");

        patient!.Identifier.ShouldContain(i => i.Value == Data.Patients[1].Mrn);
        patient.Gender.ShouldBe(Data.Patients[1].Sex == "male" ? AdministrativeGender.Male : AdministrativeGender.Female);
    }
}
