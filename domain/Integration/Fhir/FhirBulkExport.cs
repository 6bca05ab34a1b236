using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Ctms.Domain.Integration.BulkImport;
using Ctms.Domain.Integration.Hospital;
using Microsoft.Extensions.Options;

namespace Ctms.Domain.Integration.Fhir;

/// <summary>
/// Asks the hospital for its lab Observations as FHIR Bulk Data: kicks off <c>$export?_type=Observation</c> with
/// <c>Prefer: respond-async</c>, polls the status URL (honouring <c>Retry-After</c>), and streams every Observation output
/// file into one local ndjson file, hashing it on the way. Calls go through the <c>hospital</c> HTTP client (timeouts,
/// retries, circuit breaker); failures become <see cref="HospitalUnavailableException"/> or
/// <see cref="HospitalResponseException"/> like every other call to the hospital.
/// </summary>
public sealed class FhirBulkExport(IHttpClientFactory http, HospitalFhir fhir, IOptions<BulkImportOptions> options, TimeProvider clock)
{
    private const string Operation = "bulk export of lab results";

    /// <summary>Exports and downloads to <paramref name="target"/>; returns the file's SHA-256 (lowercase hex) and size.</summary>
    public async Task<(string Sha256, long Size)> DownloadAsync(string target, CancellationToken ct)
    {
        try
        {
            var client = http.CreateClient(HospitalFhir.HttpClientName);
            var status = await KickOffAsync(client, ct);
            var files = await WaitForManifestAsync(client, status, ct);
            return await SaveAsync(client, files, target, ct);
        }
        catch (Exception e) when (e is not (HospitalUnavailableException or HospitalResponseException) && HospitalFhir.Translate(Operation, e) is { } translated)
        {
            throw translated;
        }
    }

    private async Task<Uri> KickOffAsync(HttpClient client, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fhir.BaseUrl, "$export?_type=Observation"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        request.Headers.Add("Prefer", "respond-async");
        using var response = await client.SendAsync(request, ct);
        Ensure(response, HttpStatusCode.Accepted);
        return response.Content.Headers.ContentLocation ?? response.Headers.Location
            ?? throw new HospitalResponseException($"The hospital accepted the export but gave no status URL (Content-Location) ({Operation}).");
    }

    private async Task<List<Uri>> WaitForManifestAsync(HttpClient client, Uri status, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + options.Value.ExportTimeout;
        while (true)
        {
            using var response = await client.GetAsync(status, ct);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                if (clock.GetUtcNow() > deadline)
                {
                    throw new HospitalUnavailableException($"The hospital's export did not finish in {options.Value.ExportTimeout} ({Operation}).");
                }
                await Task.Delay(RetryAfter(response) ?? options.Value.ExportPollInterval, ct);
                continue;
            }
            Ensure(response, HttpStatusCode.OK);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var manifest = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            if (!manifest.RootElement.TryGetProperty("output", out var output) || output.ValueKind != JsonValueKind.Array)
            {
                throw new HospitalResponseException($"The hospital's export manifest has no output list ({Operation}).");
            }
            return output.EnumerateArray()
                .Where(o => o.TryGetProperty("type", out var t) && t.GetString() == "Observation")
                .Select(o => o.TryGetProperty("url", out var u) && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var url)
                    ? url
                    : throw new HospitalResponseException($"The hospital's export manifest lists a file without a URL ({Operation})."))
                .ToList();
        }
    }

    private static async Task<(string, long)> SaveAsync(HttpClient client, List<Uri> files, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".part";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            var buffer = new byte[1 << 16];
            foreach (var file in files)
            {
                using var response = await client.GetAsync(file, HttpCompletionOption.ResponseHeadersRead, ct);
                Ensure(response, HttpStatusCode.OK);
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                    hash.AppendData(buffer, 0, read);
                    size += read;
                }
            }
        }
        File.Move(partial, target, overwrite: true);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private static void Ensure(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode == expected)
        {
            return;
        }
        var code = (int)response.StatusCode;
        throw code >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            ? new HospitalUnavailableException($"The hospital answered {code} {response.StatusCode} ({Operation}).")
            : new HospitalResponseException($"The hospital answered {code} {response.StatusCode} where {(int)expected} was expected ({Operation}).");
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        TimeSpan? wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - clock.GetUtcNow(),
            _ => null,
        };
        // A hospital asking for more than a minute is polled again after a minute; a date in the past means now.
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, TimeSpan.FromMinutes(1).Ticks)) : null;
    }
}
