using System.Net;
using Ctms.Domain.Integration.Alerts;
using Ctms.Domain.Integration.Hospital;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Ctms.Domain.Integration.Fhir;

/// <summary>
/// The FHIR client every adapter of the hospital port uses: Firely's <see cref="FhirClient"/> over the named
/// <see cref="HttpClient"/> <c>hospital</c> (timeouts, retries with backoff and the circuit breaker are on its handler),
/// and the one translation of what can go wrong into <see cref="HospitalUnavailableException"/> or
/// <see cref="HospitalResponseException"/>, each raising an alert a person sees.
/// </summary>
public sealed class HospitalFhir(IHttpClientFactory http, IOptions<HospitalOptions> options, IntegrationAlerts alerts)
{
    /// <summary>The named HTTP client whose calls are retried (reads, and searches by POST).</summary>
    public const string HttpClientName = "hospital";

    /// <summary>The named HTTP client for writes that must not be repeated blindly (orders): no retry of POST, PUT or PATCH.</summary>
    public const string WriteHttpClientName = "hospital-writes";

    /// <summary>The MRN's identifier system at the hospital.</summary>
    public const string MrnSystem = "http://hospital.example.org/fhir/sid/mrn";

    /// <summary>The resident identity card number's system (China's OID for it).</summary>
    public const string IdNumberSystem = "urn:oid:2.16.156.10011.1.3";

    public const string Icd10System = "http://hl7.org/fhir/sid/icd-10";
    public const string LoincSystem = "http://loinc.org";

    /// <summary>The identifier system of the CTMS's order ids, carried on the ServiceRequest and copied onto its results.</summary>
    public const string OrderSystem = "urn:ctms:order";

    public Uri BaseUrl => options.Value.IsConfigured
        ? new Uri(options.Value.BaseUrl!.EndsWith('/') ? options.Value.BaseUrl! : options.Value.BaseUrl + "/")
        : throw new HospitalUnavailableException("No hospital is configured (Integration:Hospital:BaseUrl).");

    public FhirClient Client(bool write = false) => new(BaseUrl, http.CreateClient(write ? WriteHttpClientName : HttpClientName), new FhirClientSettings
    {
        PreferredFormat = ResourceFormat.Json,
        VerifyFhirVersion = false,
    });

    /// <summary>
    /// Runs one call to the hospital, named by <paramref name="operation"/> (e.g. "search patients"; never a patient's
    /// identifier), and translates its failure. A 404 is the caller's business (<paramref name="notFound"/>).
    /// </summary>
    public async Task<T> CallAsync<T>(string operation, Func<FhirClient, Task<T>> call, CancellationToken ct, bool write = false, Func<T>? notFound = null)
    {
        try
        {
            return await call(Client(write));
        }
        catch (FhirOperationException e) when (e.Status == HttpStatusCode.NotFound && notFound is not null)
        {
            return notFound();
        }
        catch (Exception e) when (Translate(operation, e) is { } translated)
        {
            await alerts.RaiseAsync(AlertSources.Hospital, translated is HospitalUnavailableException ? "unavailable" : "bad-response", translated.Message, ct);
            throw translated;
        }
    }

    /// <summary>Every page of a search, following the next links, at most <paramref name="limit"/> resources.</summary>
    public async Task<List<TResource>> SearchAllAsync<TResource>(string operation, SearchParams query, int limit, CancellationToken ct)
        where TResource : Resource =>
        await CallAsync(operation, async client =>
        {
            var found = new List<TResource>();
            var page = await client.SearchUsingPostAsync<TResource>(query, ct);
            while (page is not null)
            {
                found.AddRange(page.Entry.Select(e => e.Resource).OfType<TResource>());
                if (found.Count >= limit || page.NextLink is null)
                {
                    break;
                }
                page = await client.ContinueAsync(page, ct: ct);
            }
            return found.Take(limit).ToList();
        }, ct);

    /// <summary>
    /// What a failed call means for the caller; null for what is not the hospital's failure (a cancellation). The hospital's
    /// own diagnostics are left out of the message: they may quote the identifier that was searched for.
    /// </summary>
    public static Exception? Translate(string operation, Exception e) => e switch
    {
        OperationCanceledException when e is not TaskCanceledException { InnerException: TimeoutException } and not TimeoutRejectedException => null,
        BrokenCircuitException => new HospitalUnavailableException(
            $"The hospital is not answering ({operation}): after repeated failures the CTMS waits before calling it again.", e),
        TimeoutRejectedException or TaskCanceledException or TimeoutException => new HospitalUnavailableException(
            $"The hospital did not answer in time ({operation}).", e),
        HttpRequestException => new HospitalUnavailableException($"The hospital could not be reached ({operation}).", e),
        FhirOperationException f when (int)f.Status >= 500 || f.Status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests =>
            new HospitalUnavailableException($"The hospital answered {(int)f.Status} {f.Status} ({operation}).", e),
        FhirOperationException f => new HospitalResponseException(
            $"The hospital refused the request with {(int)f.Status} {f.Status} ({operation}).", e),
        _ => new HospitalResponseException($"The hospital's answer is not valid FHIR R4 ({operation}): {e.GetType().Name}.", e),
    };
}
