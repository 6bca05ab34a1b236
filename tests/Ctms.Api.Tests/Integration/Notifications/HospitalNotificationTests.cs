using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ctms.Domain.Data;
using Ctms.HospitalSim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Integration.Notifications;

/// <summary>The notification endpoint over real HTTP: signatures, replays, malformed bodies, redelivery of one event.</summary>
public sealed class HospitalNotificationTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    private const string Url = "/api/integration/hospital/notifications";
    private const string Secret = HospitalAppFactory.NotificationSecret;

    private static HttpRequestMessage Signed(string body, string eventId, DateTimeOffset at, string secret = Secret, string? signedBody = null)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body, Encoding.UTF8, "application/fhir+json") };
        request.Headers.Add("X-Hospital-Event-Id", eventId);
        request.Headers.Add("X-Hospital-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Hospital-Signature", NotificationSignature.Sign(secret, timestamp, eventId, Encoding.UTF8.GetBytes(signedBody ?? body)));
        return request;
    }

    private const string EmptyBundle = """{"resourceType":"Bundle","type":"history","entry":[]}""";

    private async Task<int> EventsAsync(string eventId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CtmsDbContext>().HospitalEvents.CountAsync(e => e.EventId == eventId);
    }

    private async Task<bool> AlertAsync(string code)
    {
        using var admin = await app.AdminAsync();
        var alerts = await (await admin.GetAsync("/api/integration/alerts?open=true")).ReadAsync<JsonElement>();
        return alerts.EnumerateArray().Any(a => a.GetProperty("source").GetString() == "notifications" && a.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task A_bad_signature_a_tampered_body_and_an_old_timestamp_are_refused_with_401_and_an_alert()
    {
        using var client = app.CreateClient();
        var id = Guid.NewGuid().ToString();
        await (await client.SendAsync(Signed(EmptyBundle, id, DateTimeOffset.UtcNow, secret: "wrong"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.SendAsync(Signed(EmptyBundle, id, DateTimeOffset.UtcNow, signedBody: EmptyBundle.Replace("history", "batch"))))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await AlertAsync("bad-signature")).ShouldBeTrue();
        await (await client.SendAsync(Signed(EmptyBundle, id, DateTimeOffset.UtcNow.AddMinutes(-10)))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await AlertAsync("replayed")).ShouldBeTrue();
        await (await client.PostAsync(Url, new StringContent(EmptyBundle, Encoding.UTF8, "application/fhir+json"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await EventsAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_body_that_is_no_fhir_bundle_is_refused_with_400_and_an_alert()
    {
        using var client = app.CreateClient();
        var id = Guid.NewGuid().ToString();
        await (await client.SendAsync(Signed("""{"resourceType":"Bundle","entry":[{""", id, DateTimeOffset.UtcNow))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.SendAsync(Signed("""{"resourceType":"Patient","id":"x"}""", id, DateTimeOffset.UtcNow))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await AlertAsync("malformed")).ShouldBeTrue();
        (await EventsAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_redelivered_event_is_answered_as_a_duplicate_and_processed_once()
    {
        // An order's result, delivered by the sim, then delivered again with the same event id.
        var team = await app.StudyTeamAsync();
        var (projectId, pi) = (team.ProjectId, team.Pi);
        var patient = app.Hospital.Data.Patients[3];
        var registered = await (await pi.PostAsJsonAsync($"/api/projects/{projectId}/hospital/patients", new { mrn = patient.Mrn })).ReadAsync<JsonElement>();
        var order = await (await pi.PostAsJsonAsync($"/api/projects/{projectId}/hospital/orders",
            new { patientId = registered.GetProperty("id").GetGuid(), code = "2160-0" })).ReadAsync<JsonElement>();
        var orderId = order.GetProperty("id").GetGuid();
        SentNotification? sent = null;
        for (var i = 0; i < 100 && (sent = app.Hospital.Notifications.FirstOrDefault(n => n.Body.Contains(orderId.ToString(), StringComparison.Ordinal) && n.Delivered)) is null; i++)
        {
            await Task.Delay(100);
        }
        sent.ShouldNotBeNull();

        await app.Hospital.RedeliverAsync(sent.EventId);
        var again = app.Hospital.Notifications.Last(n => n.EventId == sent.EventId);
        again.StatusCode.ShouldBe(200);
        app.Hospital.Notifications.Count(n => n.EventId == sent.EventId && n.Delivered).ShouldBeGreaterThan(1, "delivered again, answered 200");

        (await EventsAsync(sent.EventId)).ShouldBe(1);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        (await db.LabResults.CountAsync(r => r.OrderId == orderId)).ShouldBe(1);
    }
}
