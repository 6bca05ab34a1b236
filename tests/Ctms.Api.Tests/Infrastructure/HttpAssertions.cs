using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ctms.Api.Tests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts the status and that the body is a ProblemDetails with that status; returns the body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        body.ShouldNotContain("   at ", customMessage: "a stack trace leaked to the client");
        return problem;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ShouldAssertException($"Expected success, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<T>(CtmsAppFactory.Json))!;
    }
}
