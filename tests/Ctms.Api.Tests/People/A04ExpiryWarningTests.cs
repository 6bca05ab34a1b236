using System.Net;
using Ctms.Api.Engine;
using Microsoft.Extensions.DependencyInjection;
using static Ctms.Api.Tests.People.PeopleTestKit;

namespace Ctms.Api.Tests.People;

/// <summary>
/// A04's timers on the host's clock: 30 days before a certificate expires the investigator and the CTI office are warned
/// and the investigator is asked to renew; at the expiry the certificate is marked expired, they are told again, and the
/// investigator can no longer be given a project role until the renewal is verified. A class of its own: it moves the clock.
/// </summary>
public sealed class A04ExpiryWarningTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private Task<int> RunJobsAsync() => app.Services.GetRequiredService<JobExecutor>().RunDueAsync(default);

    [Fact]
    public async Task Thirty_days_before_expiry_the_investigator_and_the_CTI_office_are_warned_and_at_expiry_the_certificate_is_marked_expired()
    {
        var (pi, piName) = await app.UserAsync("pi");
        var (office, officeName) = await app.UserAsync("cti-secretary");
        using var admin = await app.AdminAsync();
        var today = Today(app);
        var expiresOn = today.AddDays(31);
        var instanceId = await A04QualificationProcessTests.StartAsync(pi, piName);
        await CompleteAsync(pi, await TaskAsync(pi, "mine", piName, "submit"), A04QualificationProcessTests.Certificate("GCP-31", today.AddYears(-1), expiresOn));
        await CompleteAsync(office, await TaskAsync(office, "groups", piName, "verify"), new { decision = "approve" });
        var project = await CreateProjectAsync(admin);
        (await AddMemberAsync(admin, project.Id, piName, "pi")).StatusCode.ShouldBe(HttpStatusCode.Created);

        // 31 days ahead the warning (30 days before) is not due yet.
        await RunJobsAsync();
        (await NotificationsAsync(app, "qualification-expiring")).Where(n => n.Body.Contains("GCP-31", StringComparison.Ordinal)).ShouldBeEmpty();

        app.Clock.Advance(TimeSpan.FromDays(2));
        (await RunJobsAsync()).ShouldBeGreaterThan(0);
        var warned = (await NotificationsAsync(app, "qualification-expiring")).Where(n => n.Body.Contains("GCP-31", StringComparison.Ordinal)).ToList();
        warned.Select(n => n.RecipientUserName).ShouldContain(piName);
        warned.Select(n => n.RecipientUserName).ShouldContain(officeName);
        warned.ShouldAllBe(n => n.Subject.Contains(Day(expiresOn)) && n.Link == "/people/" + piName);

        // Tokens last an hour: sign in again on the moved clock.
        pi = await app.ClientForAsync(piName, app.UserPassword);
        office = await app.ClientForAsync(officeName, app.UserPassword);
        using var admin2 = await app.AdminAsync();
        var renew = await TaskAsync(pi, "mine", piName, "renew");
        renew.ShouldNotBeNull();
        var warnings = await (await office.GetAsync("/api/people/qualification-warnings")).ReadAsync<List<System.Text.Json.JsonElement>>();
        warnings.Single(w => w.GetProperty("userName").GetString() == piName).GetProperty("state").GetString().ShouldBe("Expiring");

        // The expiry passes without a renewal: marked expired, told again, and the renewal task stays open.
        app.Clock.Advance(TimeSpan.FromDays(30));
        (await RunJobsAsync()).ShouldBeGreaterThan(0);
        pi = await app.ClientForAsync(piName, app.UserPassword);
        office = await app.ClientForAsync(officeName, app.UserPassword);
        using var admin3 = await app.AdminAsync();
        var expired = (await NotificationsAsync(app, "qualification-expired")).Where(n => n.Body.Contains("GCP-31", StringComparison.Ordinal)).ToList();
        expired.Select(n => n.RecipientUserName).ShouldBe([officeName, piName], ignoreOrder: true);
        var investigator = await (await pi.GetAsync($"/api/people/investigators/{piName}")).ReadAsync<System.Text.Json.JsonElement>();
        investigator.GetProperty("state").GetString().ShouldBe("Expired");
        investigator.GetProperty("certificates")[0].GetProperty("markedExpiredAt").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null);
        ActiveElements(await InstanceAsync(office, instanceId)).ShouldBe(["renew"]);
        var other = await CreateProjectAsync(admin3);
        var refused = await (await AddMemberAsync(admin3, other.Id, piName, "pi")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("GCP-31");

        // The renewal re-enters the verification; once recorded, the investigator may be given the role again.
        var now = Today(app);
        await CompleteAsync(pi, await TaskAsync(pi, "mine", piName, "renew"), A04QualificationProcessTests.Certificate("GCP-RENEWED", now, now.AddYears(3)));
        await CompleteAsync(office, await TaskAsync(office, "groups", piName, "verify"), new { decision = "approve" });
        (await AddMemberAsync(admin3, other.Id, piName, "pi")).StatusCode.ShouldBe(HttpStatusCode.Created);
        ActiveElements(await InstanceAsync(office, instanceId)).ShouldBe(["warn-timer"]);
    }
}
