using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace Ctms.HospitalSim.Tests;

public class ClinicalSearchTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private SimPatient Patient => fixture.Simulator.Data.Patients[11];

    [Fact]
    public async Task Lab_results_for_a_patient_and_period()
    {
        var from = fixture.Simulator.Data.Options.Epoch.AddDays(-180);
        var to = fixture.Simulator.Data.Options.Epoch.AddDays(-30);
        var expected = Patient.Observations.Where(o => o.Effective >= from && o.Effective < to).Select(o => o.Id).Order(StringComparer.Ordinal).ToList();

        var bundle = await fixture.Fhir().SearchAsync<Observation>([
            $"patient=Patient/{Patient.Id}", "category=laboratory", $"date=ge{from:yyyy-MM-ddTHH:mm:ssZ}", $"date=lt{to:yyyy-MM-ddTHH:mm:ssZ}", "_count=100"]);

        bundle!.Entry.Select(e => e.Resource.Id).ShouldBe(expected);
        var first = (Observation)bundle.Entry[0].Resource;
        first.Value.ShouldBeOfType<Quantity>().System.ShouldBe("http://unitsofmeasure.org");
        first.ReferenceRange.ShouldHaveSingleItem();
        first.Interpretation[0].Coding[0].Code.ShouldBeOneOf("H", "L", "N");
        first.Code.Coding[0].System.ShouldBe("http://loinc.org");
    }

    [Fact]
    public async Task Lab_results_by_LOINC_code()
    {
        var code = Patient.Observations[0].Code;

        var bundle = await fixture.Fhir().SearchAsync<Observation>([$"patient={Patient.Id}", $"code=http://loinc.org|{code}", "_count=100"]);

        bundle!.Entry.Count.ShouldBe(Patient.Observations.Count(o => o.Code == code));
    }

    [Fact]
    public async Task Encounters_conditions_and_reports_of_a_patient()
    {
        var client = fixture.Fhir();

        var encounters = await client.SearchAsync<Encounter>([$"patient={Patient.Id}"]);
        var conditions = await client.SearchAsync<Condition>([$"patient=Patient/{Patient.Id}"]);
        var reports = await client.SearchAsync<DiagnosticReport>([$"patient={Patient.Id}"]);

        encounters!.Entry.Count.ShouldBe(Patient.Encounters.Count);
        encounters.Entry.Select(e => (Encounter)e.Resource).ShouldAllBe(e => e.Class.Code == "IMP" || e.Class.Code == "AMB");
        conditions!.Entry.Select(e => ((Condition)e.Resource).Code.Coding[0].Code).ShouldBe(Patient.Conditions.Select(c => c.Code));
        reports!.Entry.Count.ShouldBe(Patient.ExamReports.Count);
    }

    [Fact]
    public async Task Encounters_overlapping_a_period()
    {
        var all = fixture.Simulator.Data.Patients.SelectMany(p => p.Encounters).ToList();
        var day = fixture.Simulator.Data.Options.Epoch.AddDays(-100);
        var expected = all.Where(e => e.End > day && e.Start < day.AddDays(1)).Select(e => e.Id).Order(StringComparer.Ordinal);

        var bundle = await fixture.Fhir().SearchAsync<Encounter>([$"date=ge{day:yyyy-MM-dd}", $"date=le{day:yyyy-MM-dd}", "_count=500"]);

        bundle!.Entry.Select(e => e.Resource.Id).ShouldBe(expected);
    }
}
