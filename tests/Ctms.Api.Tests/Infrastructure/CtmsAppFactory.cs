using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Data;
using Ctms.Engine.Runtime.Activities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Infrastructure;

/// <summary>
/// The whole host on a database of its own: a fresh SQLite file, or a fresh database in the throwaway PostgreSQL
/// cluster that <c>test.sh</c> starts. The administrator's password is set by configuration, as an operator would.
/// </summary>
public abstract class CtmsAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public string AdminPassword { get; } = "Adm1n!" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>One password for the users the tests create.</summary>
    public string UserPassword { get; } = "Us3r!" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The host's clock: timers and the job executor follow it; tests move it.</summary>
    public Ctms.Engine.Simulation.ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "ctms-tests", Guid.NewGuid().ToString("N"));

    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Ctms", ConnectionString);
        builder.UseSetting("Ctms:DataPath", DataPath);
        builder.UseSetting("Ctms:AdminPassword", AdminPassword);
        // Tests run the job executor's rounds themselves, after moving the clock.
        builder.UseSetting("Engine:RunJobs", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddScoped<IActivityHandler, RegisterProjectActivity>();
            services.AddScoped<IActivityHandler, FailAfterWriteActivity>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Further configuration a test class needs, set before the host starts.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.All(i => i is OperationCanceledException or ObjectDisposedException))
        {
            // The host's shutdown ran past its timeout on a loaded runner (background services cancelled mid-work): the
            // tests of the class have run and asserted; a slow stop is not their failure.
        }
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>A client signed in with a bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    public Task<HttpClient> AdminAsync() => ClientForAsync("admin", AdminPassword);

    /// <summary>Creates a user with the given global roles (through the API, as an administrator would) and signs them in.</summary>
    public async Task<(HttpClient Client, string UserName)> UserAsync(params string[] roles)
    {
        var userName = $"{(roles.Length > 0 ? roles[0] : "user")}-{Guid.NewGuid().ToString("N")[..8]}";
        using var admin = await AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "Test " + userName, roles, password = UserPassword });
        created.EnsureSuccessStatusCode();
        return (await ClientForAsync(userName, UserPassword), userName);
    }

    private static readonly System.Text.RegularExpressions.Regex AntiforgeryToken = new("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");

    /// <summary>
    /// A browser-like client signed in to the studio with its cookie (the sign-in form with its antiforgery token), for
    /// the tests that read server-rendered pages; <paramref name="language"/> is the Accept-Language it asks for.
    /// </summary>
    public async Task<HttpClient> StudioClientAsync(string userName, string? language = null)
    {
        var client = CreateClient();
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
        var page = await (await client.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(AntiforgeryToken.Match(page).Groups[1].Value),
            ["Input.UserName"] = userName,
            ["Input.Password"] = UserPassword,
        }));
        response.StatusCode.ShouldBeOneOf(System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.Redirect, System.Net.HttpStatusCode.Found);
        return client;
    }

    /// <summary>A scope of the host's services, acting as the host itself.</summary>
    public AsyncServiceScope Scope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Ctms.Domain.Common.ClaimsCurrentUser>().ActAsSystem();
        return scope;
    }
}
