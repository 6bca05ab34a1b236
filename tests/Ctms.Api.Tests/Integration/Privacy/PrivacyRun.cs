using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.HospitalSim;

namespace Ctms.Api.Tests.Integration.Privacy;

/// <summary>
/// A full run at the border with the hospital, as a study team does it through the API: search the hospital (by name, by
/// birth date, by diagnosis, by MRN), register several patients with the project, list them, read their records. Returns
/// the patients registered and the bodies of the answers that must not carry identifiers (registration, registered
/// patients, records).
/// </summary>
internal static class PrivacyRun
{
    public const int Registered = 5;

    public static async Task<(List<SimPatient> Patients, List<(string Where, string Body)> Responses)> RunAsync(HospitalAppFactory app)
    {
        using var team = await app.StudyTeamAsync();
        var patients = app.Hospital.Data.Patients.Take(Registered).ToList();
        var bodies = new List<(string, string)>();
        var hospital = $"/api/projects/{team.ProjectId}/hospital";
        foreach (var patient in patients)
        {
            // The searches the recruiting team makes; their answers show MRN and name (for display) and are not scanned.
            (await team.Pi.GetAsync($"{hospital}/patients?name={Uri.EscapeDataString(patient.Family)}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await team.Crc.GetAsync($"{hospital}/patients?birthDate={patient.BirthDate:yyyy-MM-dd}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var registered = await team.Crc.PostAsJsonAsync($"{hospital}/patients", new { mrn = patient.Mrn });
            var body = await registered.Content.ReadAsStringAsync();
            registered.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            bodies.Add(("registration of " + patient.Id, body));
            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
            var records = await team.Cra.GetAsync($"{hospital}/registered-patients/{id}/records");
            var recordsBody = await records.Content.ReadAsStringAsync();
            records.StatusCode.ShouldBe(HttpStatusCode.OK, recordsBody);
            recordsBody.ShouldContain("\"labResults\":[{");
            bodies.Add(("records of " + patient.Id, recordsBody));
        }
        var list = await team.Cra.GetAsync($"{hospital}/registered-patients");
        var listBody = await list.Content.ReadAsStringAsync();
        JsonDocument.Parse(listBody).RootElement.GetArrayLength().ShouldBe(Registered);
        bodies.Add(("registered patients", listBody));

        // Further steps of the full run go here as the other parts land (the lead adds them): an order whose result
        // arrives as a notification, the dictionary sync, a bulk import of lab results of these patients.
        return (patients, bodies);
    }
}
