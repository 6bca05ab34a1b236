using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ctms.Api.Tests.People;

/// <summary>The anonymous registration page (/crc/register) as a browser without JavaScript uses it: localized, and a form post that starts A05.</summary>
public sealed partial class CrcRegisterPageTests : IClassFixture<SqliteAppFactory>
{
    private readonly SqliteAppFactory _app;

    public CrcRegisterPageTests(SqliteAppFactory app)
    {
        _app = app;
        app.Settings["People:CrcApplicationsPerHour"] = "1000";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Fact]
    public async Task The_page_is_served_without_signing_in_in_English_and_Chinese()
    {
        using var anonymous = _app.CreateClient();
        var english = await anonymous.GetAsync("/crc/register");
        english.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await english.Content.ReadAsStringAsync()).ShouldContain("Register as a CRC");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/crc/register");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = await anonymous.SendAsync(request);
        (await chinese.Content.ReadAsStringAsync()).ShouldContain("CRC 注册");
    }

    [Fact]
    public async Task Posting_the_form_sends_the_application_to_the_CTI_office_and_bad_input_is_shown_not_saved()
    {
        using var anonymous = _app.CreateClient();
        var page = await (await anonymous.GetAsync("/crc/register")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        token.ShouldNotBeNullOrEmpty();
        var email = $"page.{Guid.NewGuid().ToString("N")[..8]}@smo.example";

        async Task<string> PostAsync(string fullName, string address) =>
            await (await anonymous.PostAsync("/crc/register", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "crc-register",
                ["__RequestVerificationToken"] = token,
                ["Input.FullName"] = fullName,
                ["Input.Email"] = address,
                ["Input.Phone"] = "+86 139 0000 0000",
                ["Input.SmoCompany"] = "Page SMO",
                ["Input.WishedProjects"] = "Any oncology study",
            }))).Content.ReadAsStringAsync();

        (await PostAsync("Wang Wei", "no-address")).ShouldContain("Email must be an e-mail address.");
        (await PostAsync("Wang Wei", email)).ShouldContain("data-testid=\"register-sent\"");

        var (office, _) = await _app.UserAsync("cti-secretary");
        var applications = await (await office.GetAsync("/api/crc-applications")).ReadAsync<List<JsonElement>>();
        var application = applications.Single(a => a.GetProperty("email").GetString() == email);
        application.GetProperty("smoCompany").GetString().ShouldBe("Page SMO");
        applications.ShouldNotContain(a => a.GetProperty("email").GetString() == "no-address");
        (await PeopleTestKit.TaskAsync(office, "groups", application.GetProperty("id").GetString()!, "review-application")).ShouldNotBeNull();
    }
}
