using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using static Ctms.Api.Tests.People.PeopleTestKit;

namespace Ctms.Api.Tests.People;

/// <summary>The signed-in people pages as first rendered on the server: the CTI office sees investigators, certificates and applications.</summary>
public sealed partial class PeoplePagesTests : IClassFixture<SqliteAppFactory>
{
    private readonly SqliteAppFactory _app;

    public PeoplePagesTests(SqliteAppFactory app)
    {
        _app = app;
        app.Settings["People:CrcApplicationsPerHour"] = "1000";
    }

    [Fact]
    public async Task The_CTI_office_sees_investigators_with_their_certificate_state_and_the_applications_and_an_investigator_is_sent_to_their_own_page()
    {
        var (office, officeName) = await _app.UserAsync("cti-secretary");
        var (_, piName) = await _app.UserAsync("pi");
        var today = Today(_app);
        await RecordCertificateAsync(office, piName, today.AddYears(-1), today.AddDays(10), "GCP-PAGE-1");
        using (var anonymous = _app.CreateClient())
        {
            (await anonymous.PostAsJsonAsync("/api/crc-applications", A05CrcRegistrationTests.Application("page.crc@smo.example"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var browser = await _app.StudioClientAsync(officeName);
        var people = await (await browser.GetAsync("/people")).Content.ReadAsStringAsync();
        people.ShouldContain("data-testid=\"investigators-table\"");
        people.ShouldContain(piName);
        people.ShouldContain("data-state=\"Expiring\"");
        var detail = await (await browser.GetAsync($"/people/{piName}")).Content.ReadAsStringAsync();
        detail.ShouldContain("GCP-PAGE-1");
        var applications = await (await browser.GetAsync("/crc-applications")).Content.ReadAsStringAsync();
        applications.ShouldContain("page.crc@smo.example");
        applications.ShouldContain("data-testid=\"approve-application\"");

        using var investigator = await _app.StudioClientAsync(piName);
        var denied = await (await investigator.GetAsync("/people")).Content.ReadAsStringAsync();
        denied.ShouldContain("data-testid=\"people-own\"");
        denied.ShouldNotContain("data-testid=\"investigators-table\"");
        (await (await investigator.GetAsync($"/people/{piName}")).Content.ReadAsStringAsync()).ShouldContain("GCP-PAGE-1");
    }
}
