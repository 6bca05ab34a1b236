using System.Net;
using System.Net.Sockets;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Alerts;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Patients;
using Ctms.Domain.Integration.Privacy;
using Microsoft.Extensions.DependencyInjection;
using static Ctms.Api.Tests.People.PeopleTestKit;

namespace Ctms.Api.Tests.Integration.Studio;

/// <summary>
/// The hospital pages as first rendered on the server while the hospital is down (its address is a loopback port nobody
/// listens on): the study team still sees its registered patients by initials, and a patient's records page says the
/// hospital is not answering, in English and in Chinese, without crashing; the integration page shows the alert.
/// </summary>
public sealed class HospitalDownPagesTests : IClassFixture<SqliteAppFactory>
{
    private readonly SqliteAppFactory _app;

    public HospitalDownPagesTests(SqliteAppFactory app)
    {
        _app = app;
        app.Settings["Integration:Hospital:BaseUrl"] = $"http://127.0.0.1:{ClosedPort()}/fhir/";
        app.Settings["Integration:Hospital:RetryCount"] = "0";
        app.Settings["Integration:Hospital:AttemptTimeout"] = "00:00:02";
        app.Settings["Integration:Hospital:TotalTimeout"] = "00:00:05";
    }

    [Theory]
    [InlineData("en", "The hospital is not answering", "Patients registered with this project")]
    [InlineData("zh-CN", "医院系统暂时无响应", "本项目已登记患者")]
    public async Task The_study_team_sees_its_patients_by_initials_and_a_clear_message_when_the_hospital_is_down(string language, string down,
        string registeredTitle)
    {
        var (crcName, projectId, patientId) = await ProjectWithPatientAsync();
        using var browser = await _app.StudioClientAsync(crcName, language);

        var list = await browser.GetAsync($"/projects/{projectId}/patients");
        list.StatusCode.ShouldBe(HttpStatusCode.OK, await list.Content.ReadAsStringAsync());
        var html = await list.Content.ReadAsStringAsync();
        html.ShouldContain(registeredTitle);
        html.ShouldContain("data-testid=\"registered-patients\"");
        html.ShouldContain(">WX<");
        html.ShouldNotContain("Xiaoming", Case.Insensitive);
        html.ShouldNotContain("M90000001");

        var records = await browser.GetAsync($"/projects/{projectId}/patients?patient={patientId}");
        records.StatusCode.ShouldBe(HttpStatusCode.OK, await records.Content.ReadAsStringAsync());
        var recordsHtml = await records.Content.ReadAsStringAsync();
        recordsHtml.ShouldContain("data-testid=\"records-error\"");
        recordsHtml.ShouldContain(down);
        recordsHtml.ShouldNotContain("M90000001");

    }

    [Theory]
    [InlineData("en", "Hospital integration", "Test the connection", "Acknowledge")]
    [InlineData("zh-CN", "医院集成", "测试连接", "确认")]
    public async Task The_integration_page_shows_the_hospital_and_its_open_alerts_to_the_CTI_office_and_nothing_to_a_CRC(string language,
        string title, string test, string acknowledge)
    {
        await using (var scope = _app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IntegrationAlerts>().RaiseAsync(AlertSources.Hospital, "unavailable",
                "The hospital could not be reached (page test).");
        }
        var (_, officeName) = await _app.UserAsync("cti-secretary");
        using var office = await _app.StudioClientAsync(officeName, language);
        var page = await office.GetAsync("/integration");
        page.StatusCode.ShouldBe(HttpStatusCode.OK, await page.Content.ReadAsStringAsync());
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain(title);
        html.ShouldContain(test);
        html.ShouldContain("data-testid=\"hospital-base-url\"");
        html.ShouldContain("/fhir/");
        html.ShouldContain("data-testid=\"alerts\"");
        html.ShouldContain("The hospital could not be reached (page test).");
        html.ShouldContain(acknowledge);
        html.ShouldContain("data-testid=\"nav-integration\"");
        html.ShouldContain("href=\"integration/dictionary\"");
        html.ShouldContain("href=\"integration/imports\"");

        var (_, crcName) = await _app.UserAsync("crc");
        using var crc = await _app.StudioClientAsync(crcName, language);
        var refused = await (await crc.GetAsync("/integration")).Content.ReadAsStringAsync();
        refused.ShouldContain("data-testid=\"integration-forbidden\"");
        refused.ShouldNotContain("data-testid=\"alerts\"");
        refused.ShouldNotContain("data-testid=\"nav-integration\"");
    }

    /// <summary>
    /// A CRC on a project with one patient registered: the registry keeps what it keeps for any patient (the hospital's
    /// record is given here, since the hospital is down for this class).
    /// </summary>
    private async Task<(string CrcName, Guid ProjectId, Guid PatientId)> ProjectWithPatientAsync()
    {
        using var admin = await _app.AdminAsync();
        var (_, piName) = await _app.UserAsync("pi");
        await RecordCertificateAsync(admin, piName, Today(_app).AddYears(-1), Today(_app).AddYears(1), "GCP-" + piName);
        var project = await CreateProjectWithPiAsync(_app, piName);
        var (_, crcName) = await _app.UserAsync("crc");
        (await AddMemberAsync(admin, project.Id, crcName, "crc")).EnsureSuccessStatusCode();
        await using var scope = _app.Scope();
        var registry = scope.ServiceProvider.GetRequiredService<PatientRegistry>();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var patient = await registry.RegisterAsync(new HospitalPatient("pat-90001", "M90000001", null, "Wang", "Xiaoming", "Wang Xiaoming",
            new DateOnly(1960, 5, 4), "male", []), CancellationToken.None);
        db.ProjectPatients.Add(new ProjectPatient(project.Id, patient.Id, "test", _app.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return (crcName, project.Id, patient.Id);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
