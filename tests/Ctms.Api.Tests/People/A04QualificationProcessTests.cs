using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Ctms.Api.Tests.People.PeopleTestKit;

namespace Ctms.Api.Tests.People;

/// <summary>A04 through the API: the investigator submits, the CTI secretary verifies (or returns), the certificate is recorded.</summary>
public sealed class A04QualificationProcessTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    public const string ProcessId = "A04-investigator-qualification";

    internal static async Task<string> StartAsync(HttpClient investigator, string userName)
    {
        var instance = await (await investigator.PostAsJsonAsync("/api/process-instances",
            new { processId = ProcessId, businessKey = userName, variables = new { investigator = userName } })).ReadAsync<JsonElement>();
        return instance.GetProperty("id").GetString()!;
    }

    internal static object Certificate(string number, DateOnly issuedOn, DateOnly expiresOn) =>
        new { issuer = "NMPA GCP training", certificateNumber = number, issuedOn = Day(issuedOn), expiresOn = Day(expiresOn) };

    [Fact]
    public async Task The_investigator_submits_the_CTI_secretary_verifies_and_the_certificate_is_recorded()
    {
        var (pi, piName) = await app.UserAsync("pi");
        var (office, officeName) = await app.UserAsync("cti-secretary");
        var (crc, _) = await app.UserAsync("crc");
        var (otherPi, _) = await app.UserAsync("pi");
        var today = Today(app);
        var instanceId = await StartAsync(pi, piName);

        // The submission is the investigator's own: another PI does not even see it.
        (await TaskAsync(otherPi, "mine", piName, "submit")).ShouldBeNull();
        var submit = await TaskAsync(pi, "mine", piName, "submit");
        await (await otherPi.PostAsJsonAsync($"/api/tasks/{submit}/complete", new { variables = Certificate("GCP-X", today, today.AddYears(1)) }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var incomplete = await (await pi.PostAsJsonAsync($"/api/tasks/{submit}/complete", new { variables = new { issuer = "NMPA GCP training" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        incomplete.GetProperty("errors").GetProperty("certificateNumber")[0].GetString().ShouldBe("Field is required.");
        await CompleteAsync(pi, submit, Certificate("GCP-2026-100", today.AddDays(-30), today.AddYears(2)));

        // Verification belongs to the CTI secretary: the investigator and a CRC are refused.
        var verify = await TaskAsync(office, "groups", piName, "verify");
        (await TaskAsync(crc, "groups", piName, "verify")).ShouldBeNull();
        await (await pi.PostAsJsonAsync($"/api/tasks/{verify}/complete", new { variables = new { decision = "approve" } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await crc.PostAsJsonAsync($"/api/tasks/{verify}/complete", new { variables = new { decision = "approve" } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var form = await (await office.GetAsync($"/api/tasks/{verify}/form")).ReadAsync<JsonElement>();
        form.GetProperty("data").GetProperty("certificateNumber").GetString().ShouldBe("GCP-2026-100");
        await CompleteAsync(office, verify, new { decision = "approve" });

        var investigator = await (await pi.GetAsync($"/api/people/investigators/{piName}")).ReadAsync<JsonElement>();
        investigator.GetProperty("state").GetString().ShouldBe("Valid");
        var certificate = investigator.GetProperty("certificates").EnumerateArray().Single();
        certificate.GetProperty("certificateNumber").GetString().ShouldBe("GCP-2026-100");
        certificate.GetProperty("expiresOn").GetString().ShouldBe(Day(today.AddYears(2)));
        certificate.GetProperty("recordedBy").GetString().ShouldBe(officeName);

        // Now the process waits for 30 days before the expiry.
        var instance = await InstanceAsync(office, instanceId);
        ActiveElements(instance).ShouldBe(["warn-timer"]);
        instance.GetProperty("variables").GetProperty("expiresAt").GetString().ShouldBe($"{Day(today.AddYears(2).AddDays(1))}T00:00:00Z");
    }

    [Fact]
    public async Task A_returned_qualification_goes_back_to_the_investigator_with_the_reason_and_only_the_corrected_certificate_is_recorded()
    {
        var (pi, piName) = await app.UserAsync("pi");
        var (office, _) = await app.UserAsync("cti-secretary");
        var today = Today(app);
        await StartAsync(pi, piName);
        await CompleteAsync(pi, await TaskAsync(pi, "mine", piName, "submit"), Certificate("GCP-TYPO", today.AddDays(-5), today.AddYears(1)));

        var verify = await TaskAsync(office, "groups", piName, "verify");
        var noReason = await (await office.PostAsJsonAsync($"/api/tasks/{verify}/complete", new { variables = new { decision = "return" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        noReason.GetProperty("errors").GetProperty("returnReason")[0].GetString().ShouldBe("Field is required.");
        await CompleteAsync(office, verify, new { decision = "return", returnReason = "The number does not match the scan." });

        var again = await TaskAsync(pi, "mine", piName, "submit");
        var form = await (await pi.GetAsync($"/api/tasks/{again}/form")).ReadAsync<JsonElement>();
        form.GetProperty("data").GetProperty("returnReason").GetString().ShouldBe("The number does not match the scan.");
        (await (await pi.GetAsync($"/api/people/investigators/{piName}")).ReadAsync<JsonElement>())
            .GetProperty("certificates").GetArrayLength().ShouldBe(0);

        await CompleteAsync(pi, again, Certificate("GCP-2026-200", today.AddDays(-5), today.AddYears(1)));
        await CompleteAsync(office, await TaskAsync(office, "groups", piName, "verify"), new { decision = "approve" });
        var recorded = await (await pi.GetAsync($"/api/people/investigators/{piName}")).ReadAsync<JsonElement>();
        recorded.GetProperty("certificates").EnumerateArray().Select(c => c.GetProperty("certificateNumber").GetString()).ShouldBe(["GCP-2026-200"]);
    }
}
