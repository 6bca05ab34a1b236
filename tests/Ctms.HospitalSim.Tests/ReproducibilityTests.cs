using System.Text.Json;

namespace Ctms.HospitalSim.Tests;

public class ReproducibilityTests
{
    private static readonly string[] Searches =
    [
        "Patient?_count=500",
        "Observation?patient=pat-00007&_count=500",
        "Encounter?patient=Patient/pat-00012",
        "Condition?patient=pat-00003",
        "DiagnosticReport?_count=500",
        "Organization?_sort=_lastUpdated&_count=500",
        "Practitioner?_sort=_lastUpdated&_count=500",
        "Medication?_sort=_lastUpdated&_count=500",
        "ObservationDefinition?_count=500",
        "ActivityDefinition?_count=500",
    ];

    [Fact]
    public async Task Two_simulators_with_the_same_seed_hold_the_same_data_and_answer_the_same_bundles()
    {
        await using var first = await HospitalSimulator.StartAsync(SimulatorFixture.Small);
        await using var second = await HospitalSimulator.StartAsync(SimulatorFixture.Small);
        using var http = new HttpClient();

        Snapshot(first.Data).ShouldBe(Snapshot(second.Data));
        foreach (var search in Searches)
        {
            var a = (await http.GetStringAsync(new Uri(first.BaseUrl, search))).Replace(first.BaseUrl.ToString(), "BASE/", StringComparison.Ordinal);
            var b = (await http.GetStringAsync(new Uri(second.BaseUrl, search))).Replace(second.BaseUrl.ToString(), "BASE/", StringComparison.Ordinal);
            b.ShouldBe(a, search);
        }
    }

    [Fact]
    public void Another_seed_gives_other_patients()
    {
        var a = new SyntheticHospital(SimulatorFixture.Small);
        var b = new SyntheticHospital(SimulatorFixture.Small with { Seed = 42 });

        a.Patients.Select(p => p.Mrn).ShouldNotBe(b.Patients.Select(p => p.Mrn));
    }

    [Fact]
    public void The_data_has_the_promised_shape()
    {
        var data = new SyntheticHospital(new HospitalSimOptions());

        data.Patients.Count.ShouldBe(200);
        data.Patients.Select(p => p.Mrn).Distinct().Count().ShouldBe(200);
        data.Patients.ShouldAllBe(p => p.Mrn.Length == 9 && p.Mrn[0] == 'M' && p.Mrn.Skip(1).All(char.IsAsciiDigit));
        data.Patients.ShouldAllBe(p => p.Encounters.Count >= 1 && p.Encounters.Count <= 4);
        data.Patients.ShouldAllBe(p => p.Observations.Count >= 10 && p.Observations.Count <= 30);
        data.Patients.ShouldAllBe(p => p.ExamReports.Count <= 3 && p.Conditions.Count >= 1);
        data.Patients.ShouldAllBe(p => p.FullName == p.Family + " " + p.Given);
        var epoch = DateOnly.FromDateTime(data.Options.Epoch.UtcDateTime);
        data.Patients.ShouldAllBe(p => p.BirthDate <= epoch.AddYears(-18) && p.BirthDate > epoch.AddYears(-87));
        data.Patients.SelectMany(p => p.Observations).Select(o => o.Code).ShouldContain("718-7");
        (data.Departments.Count, data.Staff.Count, data.Drugs.Count, data.LabItems.Count, data.ExamItems.Count)
            .ShouldBe((40, 300, 1000, 200, 100));
        data.Drugs.ShouldAllBe(d => d.Meta!.LastUpdated >= data.Options.Epoch && d.Meta.LastUpdated <= data.Options.Epoch.AddDays(300));
        data.Drugs.Count(d => d.Status == Hl7.Fhir.Model.Medication.MedicationStatusCodes.Inactive).ShouldBeInRange(20, 150);
    }

    private static string Snapshot(SyntheticHospital data) => JsonSerializer.Serialize(data.Patients.Select(p => new
    {
        p.Id, p.Mrn, p.IdNumber, p.FullName, p.BirthDate, p.Sex, p.Phone, p.Conditions, p.Encounters, p.Observations, p.ExamReports,
    }));
}
