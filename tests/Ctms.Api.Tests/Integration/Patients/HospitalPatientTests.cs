using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Infrastructure;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Ctms.Api.Tests.Integration.Patients;

/// <summary>
/// The study team searches the simulated hospital over HTTP, registers a patient with the project and reads their records;
/// the hospital down, slow or answering nonsense gives 503/502 and an alert.
/// </summary>
public sealed class HospitalPatientTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    private static JsonSerializerOptions Json => CtmsAppFactory.Json;

    [Fact]
    public async Task Patients_are_found_by_MRN_name_birth_date_and_diagnosis()
    {
        using var team = await app.StudyTeamAsync();
        var patient = app.Hospital.Data.Patients[7];
        var byMrn = await SearchAsync(team.Crc, team.ProjectId, $"mrn={patient.Mrn}");
        byMrn.Count.ShouldBe(1);
        byMrn[0].GetProperty("mrn").GetString().ShouldBe(patient.Mrn);
        byMrn[0].GetProperty("fullName").GetString().ShouldBe(patient.FullName);
        byMrn[0].GetProperty("initials").GetString().ShouldBe(PatientVault.Initials(patient.Family, patient.Given));
        byMrn[0].GetProperty("diagnoses").GetArrayLength().ShouldBe(patient.Conditions.Count);

        var byName = await SearchAsync(team.Crc, team.ProjectId, $"name={patient.Family}&limit=50");
        byName.ShouldContain(p => p.GetProperty("mrn").GetString() == patient.Mrn);
        byName.ShouldAllBe(p => p.GetProperty("fullName").GetString()!.Contains(patient.Family, StringComparison.OrdinalIgnoreCase));

        var byBirth = await SearchAsync(team.Pi, team.ProjectId, $"birthDate={patient.BirthDate:yyyy-MM-dd}");
        byBirth.ShouldContain(p => p.GetProperty("mrn").GetString() == patient.Mrn);
        byBirth.ShouldAllBe(p => p.GetProperty("birthDate").GetString() == patient.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        var code = patient.Conditions[0].Code;
        var prefix = code.Split('.')[0];
        var byDiagnosis = await SearchAsync(team.Pi, team.ProjectId, $"diagnosis={prefix}&name={patient.Family}");
        byDiagnosis.ShouldContain(p => p.GetProperty("mrn").GetString() == patient.Mrn);
        byDiagnosis.ShouldAllBe(p => p.GetProperty("diagnoses").EnumerateArray().Any(d => d.GetProperty("code").GetString()!.StartsWith(prefix, StringComparison.Ordinal)));
        var expected = app.Hospital.Data.Patients.Count(p => p.Family.Contains(patient.Family, StringComparison.OrdinalIgnoreCase)
            && p.Conditions.Any(c => c.Code.StartsWith(prefix, StringComparison.Ordinal)));
        byDiagnosis.Count.ShouldBe(Math.Min(expected, 20));
    }

    [Fact]
    public async Task A_search_needs_a_criterion_and_a_role_on_the_project()
    {
        using var team = await app.StudyTeamAsync();
        await (await team.Crc.GetAsync($"/api/projects/{team.ProjectId}/hospital/patients")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await team.Crc.GetAsync($"/api/projects/{team.ProjectId}/hospital/patients?name=W")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        // A monitor reads the records of the project's patients but does not recruit.
        await (await team.Cra.GetAsync($"/api/projects/{team.ProjectId}/hospital/patients?name=Wang"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var (outsider, _) = await app.UserAsync("crc");
        await (await outsider.GetAsync($"/api/projects/{team.ProjectId}/hospital/patients?name=Wang")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_registered_patient_is_kept_sealed_with_initials_and_their_records_are_read_live()
    {
        using var team = await app.StudyTeamAsync();
        var patient = app.Hospital.Data.Patients[11];
        var registered = await (await team.Crc.PostAsJsonAsync($"/api/projects/{team.ProjectId}/hospital/patients", new { mrn = patient.Mrn }))
            .ReadAsync<JsonElement>();
        var patientId = registered.GetProperty("id").GetGuid();
        registered.GetProperty("initials").GetString().ShouldBe(PatientVault.Initials(patient.Family, patient.Given));
        registered.GetRawText().ShouldNotContain(patient.Mrn);
        registered.GetRawText().ShouldNotContain(patient.Family);

        // Registering again keeps one record; the search now says the patient is registered.
        var again = await (await team.Pi.PostAsJsonAsync($"/api/projects/{team.ProjectId}/hospital/patients", new { mrn = patient.Mrn }))
            .ReadAsync<JsonElement>();
        again.GetProperty("id").GetGuid().ShouldBe(patientId);
        (await SearchAsync(team.Crc, team.ProjectId, $"mrn={patient.Mrn}"))[0].GetProperty("patientId").GetGuid().ShouldBe(patientId);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            var row = await db.RegisteredPatients.AsNoTracking().SingleAsync(p => p.Id == patientId);
            System.Text.Encoding.UTF8.GetString(row.MrnSealed).ShouldNotContain(patient.Mrn);
            row.MrnKeyId.ShouldNotBeNullOrEmpty();
            scope.ServiceProvider.GetRequiredService<PatientRegistry>().RevealMrn(row).ShouldBe(patient.Mrn);
            (await db.ProjectPatients.CountAsync(l => l.PatientId == patientId)).ShouldBe(1);
        }

        var list = await (await team.Cra.GetAsync($"/api/projects/{team.ProjectId}/hospital/registered-patients")).ReadAsync<JsonElement>();
        list.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldBe([patientId]);

        var records = await (await team.Cra.GetAsync($"/api/projects/{team.ProjectId}/hospital/registered-patients/{patientId}/records"))
            .ReadAsync<JsonElement>();
        records.GetProperty("encounters").GetArrayLength().ShouldBe(patient.Encounters.Count);
        records.GetProperty("labResults").GetArrayLength().ShouldBe(patient.Observations.Count);
        records.GetProperty("examReports").GetArrayLength().ShouldBe(patient.ExamReports.Count);
        var first = patient.Observations.OrderBy(o => o.Effective).First();
        records.GetProperty("labResults")[0].GetProperty("code").GetProperty("code").GetString().ShouldBe(first.Code);
        records.GetRawText().ShouldNotContain(patient.Mrn);

        // The same patient is not readable through another project.
        using var other = await app.StudyTeamAsync();
        await (await other.Pi.GetAsync($"/api/projects/{other.ProjectId}/hospital/registered-patients/{patientId}/records"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // An MRN the hospital does not know: 400 on the field, nothing registered.
        var unknown = await (await team.Crc.PostAsJsonAsync($"/api/projects/{team.ProjectId}/hospital/patients", new { mrn = "M99999999" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        unknown.GetRawText().ShouldContain("mrn");
    }

    [Fact]
    public async Task The_hospital_down_slow_or_answering_nonsense_gives_503_or_502_and_an_alert()
    {
        using var team = await app.StudyTeamAsync();
        using var admin = await app.AdminAsync();
        var mrn = app.Hospital.Data.Patients[3].Mrn;
        try
        {
            app.Hospital.Faults.Down();
            var down = await (await team.Crc.GetAsync($"/api/projects/{team.ProjectId}/hospital/patients?mrn={mrn}"))
                .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            down.GetRawText().ShouldNotContain(mrn);
            await (await team.Crc.GetAsync($"/api/projects/{team.ProjectId}/hospital/patients?mrn={mrn}"))
                .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            await (await team.Crc.PostAsJsonAsync($"/api/projects/{team.ProjectId}/hospital/patients", new { mrn }))
                .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);

            app.Hospital.Faults.Malformed();
            var malformed = await (await team.Crc.GetAsync($"/api/projects/{team.ProjectId}/hospital/patients?mrn={mrn}"))
                .ShouldBeProblemAsync(HttpStatusCode.BadGateway);
            malformed.GetRawText().ShouldNotContain(mrn);

            app.Hospital.Faults.Slow(TimeSpan.FromSeconds(3));
            await (await team.Crc.GetAsync($"/api/projects/{team.ProjectId}/hospital/patients?mrn={mrn}"))
                .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            app.Hospital.Faults.Reset();
        }
        await using (var scope = app.Scope())
        {
            // The registration tried while the hospital was down left nothing behind.
            (await scope.ServiceProvider.GetRequiredService<PatientRegistry>().FindByMrnAsync(mrn, CancellationToken.None)).ShouldBeNull();
        }

        var alerts = await (await admin.GetAsync("/api/integration/alerts?open=true")).ReadAsync<JsonElement>();
        var unavailable = alerts.EnumerateArray().Single(a => a.GetProperty("source").GetString() == "hospital" && a.GetProperty("code").GetString() == "unavailable");
        unavailable.GetProperty("occurrences").GetInt32().ShouldBeGreaterThanOrEqualTo(4);
        alerts.EnumerateArray().ShouldContain(a => a.GetProperty("code").GetString() == "bad-response");
        alerts.GetRawText().ShouldNotContain(mrn);
        await (await team.Crc.GetAsync("/api/integration/alerts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Acknowledged, the alert closes; the hospital is back and the search works again.
        var id = unavailable.GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/integration/alerts/{id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.PostAsync($"/api/integration/alerts/{id}/acknowledge", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await SearchAsync(team.Crc, team.ProjectId, $"mrn={mrn}")).Count.ShouldBe(1);
    }

    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, Guid projectId, string query) =>
        (await (await client.GetAsync($"/api/projects/{projectId}/hospital/patients?{query}")).ReadAsync<JsonElement>()).EnumerateArray().ToList();
}
