using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ctms.Host.Tests.Infrastructure;

/// <summary>The REST API of one node, signed in as the administrator with a bearer token.</summary>
public sealed class HostClient : IDisposable
{
    private readonly HttpClient _http;

    private HostClient(HttpClient http) => _http = http;

    public static async Task<HostClient> SignInAsync(HostProcess host, string password)
    {
        var http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var response = await http.PostAsJsonAsync("api/auth/token", new { userName = "admin", password });
        await EnsureAsync(response, "sign in");
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return new HostClient(http);
    }

    /// <summary>Deploys a BPMN fixture copied beside the tests.</summary>
    public async Task DeployAsync(string fixture)
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, fixture));
        await EnsureAsync(await _http.PostAsJsonAsync("api/process-definitions", new { name = Path.GetFileName(fixture), xml }), "deploy " + fixture);
    }

    /// <summary>Starts an instance of the latest version; returns its id.</summary>
    public async Task<Guid> StartAsync(string processId)
    {
        var response = await _http.PostAsJsonAsync("api/process-instances", new { processId, variables = new { } });
        await EnsureAsync(response, "start " + processId);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public void Dispose() => _http.Dispose();

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
