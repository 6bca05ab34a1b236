using Ctms.Api.Engine;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Alerts;
using Ctms.Domain.Integration.Fhir;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Notifications;
using Ctms.Engine.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ctms.Api.Integration;

/// <summary>
/// The hospital's notifications (FHIR Subscription rest-hook style): no user, but an HMAC signature over the timestamp, the
/// event id and the body with the shared secret (<c>Integration:Hospital:NotificationSecret</c>), a timestamp window
/// against replays, and the event id remembered so that a redelivery is processed once. A result becomes a BPMN message
/// to the process waiting for the order (or waits in the engine's buffer until a process does).
/// </summary>
internal static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapHospitalNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("api/integration/hospital/notifications", Receive).WithTags("Hospital").AllowAnonymous().DisableAntiforgery()
            .WithSummary("A hospital notification (a FHIR Bundle; headers X-Hospital-Event-Id, X-Hospital-Timestamp, X-Hospital-Signature). 401 when the signature is bad or the timestamp is outside the window, 400 when the body is not a FHIR Bundle, 200 {duplicate:true} for an event already processed.");
        return app;
    }

    public sealed record NotificationResponse(string EventId, bool Duplicate, int Messages, int Stored, int Unknown);

    private static async Task<Results<Ok<NotificationResponse>, ProblemHttpResult>> Receive(HttpRequest request, EngineCommands commands,
        IOptions<HospitalOptions> hospital, IOptions<HospitalNotificationOptions> options, IntegrationAlerts alerts, IServiceScopeFactory scopes,
        CancellationToken ct)
    {
        var body = await ReadBodyAsync(request, options.Value.MaxBodyBytes, ct);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The notification is too large.");
        }
        var eventId = request.Headers[NotificationSignature.EventIdHeader].ToString();
        if (string.IsNullOrEmpty(hospital.Value.NotificationSecret))
        {
            await alerts.RaiseAsync(AlertSources.Notifications, "not-configured", "A notification arrived but no Integration:Hospital:NotificationSecret is configured; it was refused.", ct);
            return Unauthorized("Notifications are not accepted: no shared secret is configured.");
        }
        var check = NotificationSignature.Verify(hospital.Value.NotificationSecret, eventId, request.Headers[NotificationSignature.TimestampHeader],
            // The wall clock, not the host's TimeProvider: the timestamp is the hospital's real clock, and the business clock
            // that simulations and tests move must not turn a fresh notification into a replay.
            request.Headers[NotificationSignature.SignatureHeader], body, TimeProvider.System.GetUtcNow(), hospital.Value.NotificationTolerance);
        if (check != NotificationCheck.Valid)
        {
            var (code, detail) = check == NotificationCheck.Stale
                ? ("replayed", "A notification's timestamp is outside the accepted window (a replay, or a clock far off); it was refused.")
                : ("bad-signature", $"A notification with a {(check == NotificationCheck.Missing ? "missing" : "wrong")} signature was refused.");
            await alerts.RaiseAsync(AlertSources.Notifications, code, detail, ct);
            return Unauthorized(detail);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<HospitalNotificationInbox>().SeenAsync(eventId, ct))
            {
                return TypedResults.Ok(new NotificationResponse(eventId, true, 0, 0, 0));
            }
        }
        IReadOnlyList<InboundEvent> events;
        try
        {
            events = FhirNotificationReader.Read(body);
        }
        catch (MalformedNotificationException e)
        {
            await alerts.RaiseAsync(AlertSources.Notifications, "malformed", $"Notification {eventId}: {e.Message}", ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The notification is not a FHIR R4 Bundle.", detail: e.Message);
        }

        InboxResult result;
        try
        {
            result = await commands.RunScopedAsync(null, async (services, token) =>
            {
                var received = await services.GetRequiredService<HospitalNotificationInbox>().ReceiveAsync(eventId, events, token);
                var engine = services.GetRequiredService<BpmnEngine>();
                foreach (var message in received.Messages)
                {
                    await engine.CorrelateAsync(message.Name, message.CorrelationKey, message.Variables, message.MessageId, options.Value.MessageTimeToLive,
                        ct: token);
                }
                return received;
            }, ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Matches(e))
        {
            // The same event delivered twice at once: the other delivery committed it.
            return TypedResults.Ok(new NotificationResponse(eventId, true, 0, 0, 0));
        }
        // After the commit: an alert is saved in a unit of work of its own.
        foreach (var alert in result.Alerts.Distinct(StringComparer.Ordinal))
        {
            await alerts.RaiseAsync(AlertSources.Notifications, "unknown-order", alert, ct);
        }
        return TypedResults.Ok(new NotificationResponse(eventId, result.Duplicate, result.Messages.Count, result.Stored, result.Unknown));
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The notification is not authenticated.", detail: detail);

    /// <summary>The exact bytes the hospital signed; null when they exceed the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
