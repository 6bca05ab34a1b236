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
        // Staff names are rightly in the dictionary; patients who share a name with a member of staff would be false alarms.
        var staff = app.Hospital.Data.Staff.SelectMany(s => s.Name).Select(n => $"{n.Family} {string.Join(" ", n.Given)}")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var patients = app.Hospital.Data.Patients.Where(p => !staff.Contains(p.FullName)).Take(Registered).ToList();
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

        // An order whose result the hospital posts back as a signed notification.
        var first = JsonDocument.Parse(bodies[0].Item2).RootElement.GetProperty("id").GetGuid();
        var placed = await team.Pi.PostAsJsonAsync($"{hospital}/orders", new { patientId = first, code = "2345-7" });
        var placedBody = await placed.Content.ReadAsStringAsync();
        placed.IsSuccessStatusCode.ShouldBeTrue(placedBody);
        bodies.Add(("order", placedBody));
        var orderId = JsonDocument.Parse(placedBody).RootElement.GetProperty("id").GetGuid();
        await Eventually(async () =>
        {
            var order = await (await team.Pi.GetAsync($"{hospital}/orders/{orderId}")).Content.ReadAsStringAsync();
            bodies.Add(("order with its result", order));
            return order.Contains("\"Resulted\"", StringComparison.Ordinal);
        });
        // An admission notification for a registered patient.
        await app.Hospital.AdmitAsync(patients[1].Id);

        // The dictionary sync and a bulk import of lab results from the hospital, run by the CTI office.
        using var admin = await app.AdminAsync();
        var sync = await admin.PostAsync("/api/integration/dictionary-sync", null);
        sync.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var syncId = JsonDocument.Parse(await sync.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await Eventually(async () => (await (await admin.GetAsync($"/api/integration/dictionary-sync/runs/{syncId}")).Content.ReadAsStringAsync())
            .Contains("\"Succeeded\"", StringComparison.Ordinal));
        var import = await admin.PostAsync("/api/integration/lab-results/imports/from-hospital", null);
        import.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var importId = JsonDocument.Parse(await import.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await Eventually(async () =>
        {
            var run = await (await admin.GetAsync($"/api/integration/lab-results/imports/{importId}")).Content.ReadAsStringAsync();
            bodies.Add(("bulk import run", run));
            return run.Contains("\"Succeeded\"", StringComparison.Ordinal);
        });
        await Eventually(async () => app.Hospital.Notifications.Any(n => n.Delivered && n.Body.Contains("Encounter", StringComparison.Ordinal)));
        return (patients, bodies);
    }

    private static async Task Eventually(Func<Task<bool>> done)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await done())
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The step did not finish in 30 s.");
    }
}
