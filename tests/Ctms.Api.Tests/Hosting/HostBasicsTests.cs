using System.Net;
using System.Text.Json;
using Ctms.Api.Cli;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ctms.Api.Tests.Hosting;

public sealed class HostBasicsTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Health_endpoints_answer_without_sign_in_and_ready_checks_the_database()
    {
        using var client = app.CreateClient();
        (await client.GetStringAsync("/health/live")).ShouldBe("Healthy");
        (await client.GetStringAsync("/health/ready")).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoints_and_the_reference_page_is_served_locally()
    {
        using var client = app.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/auth/token", "/api/projects", "/api/projects/{projectId}/members", "/api/audit/verify", "/api/users" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }
        (await client.GetStringAsync("/api/reference/")).ShouldContain("scalar.js");
        (await client.GetAsync("/api/reference/scalar.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_API_route_is_a_404_problem()
    {
        using var admin = await app.AdminAsync();
        await (await admin.GetAsync("/api/nothing-here")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_studio_redirects_to_sign_in_and_speaks_both_languages()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Found);
        home.Headers.Location!.ToString().ShouldContain("/account/login");

        (await client.GetStringAsync("/account/login")).ShouldContain("<h1>Sign in</h1>");
        using var chinese = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        chinese.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN");
        var page = await (await client.SendAsync(chinese)).Content.ReadAsStringAsync();
        page.ShouldContain("<h1>登录</h1>");
        page.ShouldContain("lang=\"zh-CN\"");
    }

    [Fact]
    public async Task The_migrate_verb_creates_a_database_on_its_own()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ctms-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var exit = await CliVerbs.RunAsync("migrate", ["migrate", "--Database:Provider=Sqlite", $"--Ctms:DataPath={folder}", "--Logging:LogLevel:Default=Warning"]);
            exit.ShouldBe(0);
            File.Exists(Path.Combine(folder, "ctms.db")).ShouldBeTrue();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
