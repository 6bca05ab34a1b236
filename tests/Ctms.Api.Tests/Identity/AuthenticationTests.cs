using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ctms.Api.Tests.Identity;

public abstract class AuthenticationTests(CtmsAppFactory app)
{
    [Fact]
    public async Task The_API_without_a_token_is_401_and_never_a_redirect()
    {
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await (await anonymous.GetAsync("/api/projects")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "forged-token");
        await (await anonymous.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_names_the_user_and_their_roles()
    {
        var (client, userName) = await app.UserAsync("pi", "sub-investigator");
        var me = await (await client.GetAsync("/api/me")).ReadAsync<JsonElement>();
        me.GetProperty("userName").GetString().ShouldBe(userName);
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["pi", "sub-investigator"]);
        me.GetProperty("mustChangePassword").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_five_failures_lock_the_account()
    {
        var (_, userName) = await app.UserAsync("crc");
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var failed = await (await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "Wrong#Password1" }))
                .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            failed.GetProperty("title").GetString().ShouldBe(i < 4 ? "Sign-in failed." : "Account locked.");
        }
        var locked = await (await client.PostAsJsonAsync("/api/auth/token", new { userName, password = app.UserPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        locked.GetProperty("title").GetString().ShouldBe("Account locked.", "the right password does not open a locked account");

        using var admin = await app.AdminAsync();
        var users = await (await admin.GetAsync("/api/users")).ReadAsync<List<JsonElement>>();
        users.Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("lockedOut").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_one_time_password_allows_only_choosing_a_new_password()
    {
        using var admin = await app.AdminAsync();
        var userName = "otp-" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "New Nurse", roles = new[] { "study-nurse" } }))
            .ReadAsync<JsonElement>();
        var oneTime = created.GetProperty("oneTimePassword").GetString()!;
        oneTime.Length.ShouldBeGreaterThanOrEqualTo(16);

        using var first = await app.ClientForAsync(userName, oneTime);
        var gated = await (await first.GetAsync("/api/projects")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        gated.GetProperty("title").GetString().ShouldBe("Password change required.");

        await (await first.PostAsJsonAsync("/api/me/password", new { currentPassword = "not-it", newPassword = app.UserPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await first.PostAsJsonAsync("/api/me/password", new { currentPassword = oneTime, newPassword = app.UserPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var second = await app.ClientForAsync(userName, app.UserPassword);
        (await second.GetAsync("/api/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName, password = oneTime }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the one-time password is spent");
    }
}

public sealed class AuthenticationTests_Sqlite(SqliteAppFactory app) : AuthenticationTests(app), IClassFixture<SqliteAppFactory>;

public sealed class AuthenticationTests_Postgres(PostgresAppFactory app) : AuthenticationTests(app), IClassFixture<PostgresAppFactory>;
