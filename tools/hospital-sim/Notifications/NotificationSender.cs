using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Ctms.HospitalSim.Fhir;
using Hl7.Fhir.Model;

namespace Ctms.HospitalSim.Notifications;

/// <summary>
/// Posts hospital events to the CTMS the FHIR Subscription rest-hook way, in the background: a <c>history</c> Bundle,
/// signed; on a non-2xx answer or no answer it retries after 0.5, 1, 2, 4 and 8 s with the SAME event id (so the CTMS can
/// tell a redelivery) and a fresh timestamp and signature. Every attempt is recorded.
/// </summary>
internal sealed class NotificationSender(Func<string?> targetUrl, string secret) : IAsyncDisposable
{
    private static readonly TimeSpan[] Backoff =
        [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<string, byte[]> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SentNotification> _sent = new();
    private readonly ConcurrentDictionary<System.Threading.Tasks.Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    public IReadOnlyList<SentNotification> Sent => [.. _sent];

    /// <summary>Sends an event in the background under a new event id, and returns the id.</summary>
    public string Publish(string eventType, string fullUrlBase, IEnumerable<(Resource Resource, bool Created)> resources)
    {
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.History,
            Meta = new Meta { Tag = [new Coding(Data.SimCatalog.EventTypeSystem, eventType)] },
            Timestamp = SyntheticHospital.Now(),
        };
        foreach (var (resource, created) in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{fullUrlBase}{resource.TypeName}/{resource.Id}",
                Resource = resource,
                Request = new Bundle.RequestComponent
                {
                    Method = created ? Bundle.HTTPVerb.POST : Bundle.HTTPVerb.PUT,
                    Url = created ? resource.TypeName : $"{resource.TypeName}/{resource.Id}",
                },
                Response = new Bundle.ResponseComponent { Status = created ? "201 Created" : "200 OK" },
            });
        }
        var eventId = Guid.NewGuid().ToString();
        _events[eventId] = FhirJson.Serialize(bundle);
        Track(DeliverAsync(eventId, _stopping.Token));
        return eventId;
    }

    /// <summary>Posts a known event again (same id, fresh timestamp and signature), with the usual retries.</summary>
    public System.Threading.Tasks.Task RedeliverAsync(string eventId)
    {
        if (!_events.ContainsKey(eventId))
            throw new KeyNotFoundException($"No notification with event id {eventId}.");
        return DeliverAsync(eventId, _stopping.Token);
    }

    public bool Knows(string eventId) => _events.ContainsKey(eventId);

    private async System.Threading.Tasks.Task DeliverAsync(string eventId, CancellationToken ct)
    {
        var body = _events[eventId];
        for (var attempt = 1; attempt <= Backoff.Length + 1; attempt++)
        {
            if (await TryOnceAsync(eventId, attempt, body, ct) || attempt > Backoff.Length)
                return;
            try
            {
                await System.Threading.Tasks.Task.Delay(Backoff[attempt - 1], ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> TryOnceAsync(string eventId, int attempt, byte[] body, CancellationToken ct)
    {
        var url = targetUrl();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = NotificationSignature.Sign(secret, timestamp, eventId, body);
        int? status = null;
        string? error = null;
        if (url is null)
        {
            error = "No notification URL is set.";
        }
        else
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(FhirJson.ContentType);
                request.Headers.Add(NotificationSignature.EventIdHeader, eventId);
                request.Headers.Add(NotificationSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add(NotificationSignature.SignatureHeader, signature);
                using var response = await _http.SendAsync(request, ct);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                error = e.Message;
            }
        }
        _sent.Enqueue(new SentNotification(eventId, attempt, timestamp, Encoding.UTF8.GetString(body), signature, url, status, error,
            DateTimeOffset.UtcNow));
        return status is >= 200 and < 300;
    }

    private void Track(System.Threading.Tasks.Task task)
    {
        _running[task] = 0;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await System.Threading.Tasks.Task.WhenAll(_running.Keys);
        }
        catch (OperationCanceledException)
        {
            // Deliveries in flight are abandoned when the simulator stops.
        }
        _http.Dispose();
        _stopping.Dispose();
    }
}
