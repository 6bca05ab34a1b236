using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;

namespace Ctms.HospitalSim.Tests;

public sealed class OrderNotificationTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>, IDisposable
{
    private static readonly FhirJsonDeserializer Parser = new();
    private readonly NotificationReceiver _receiver = new();

    private HospitalSimulator Simulator => fixture.Simulator;

    [Fact]
    public async Task A_lab_order_is_answered_by_a_signed_notification_with_the_result()
    {
        Simulator.NotificationUrl = _receiver.Url;
        var client = fixture.Fhir();

        var placed = await client.CreateAsync(Order("pat-00004", "http://loinc.org", "718-7", "CTMS-ORD-1"));

        placed!.Id.ShouldStartWith("sr-");
        placed.Status.ShouldBe(RequestStatus.Active);
        var received = (await _receiver.WaitForAsync(1)).ShouldHaveSingleItem();
        received.ContentType.ShouldStartWith("application/fhir+json");
        var timestamp = long.Parse(received.Timestamp, CultureInfo.InvariantCulture);
        DateTimeOffset.FromUnixTimeSeconds(timestamp).ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        received.Signature.ShouldBe(NotificationSignature.Sign("sim-secret", timestamp, received.EventId, received.Body));
        received.Signature.ShouldNotBe(NotificationSignature.Sign("another-secret", timestamp, received.EventId, received.Body));
        var bundle = Parser.Deserialize<Bundle>(System.Text.Encoding.UTF8.GetString(received.Body));
        bundle.Type.ShouldBe(Bundle.BundleType.History);
        var observation = bundle.Entry.Select(e => e.Resource).OfType<Observation>().Single();
        observation.BasedOn.Single().Reference.ShouldBe($"ServiceRequest/{placed.Id}");
        observation.Identifier.ShouldContain(i => i.System == "urn:ctms:order" && i.Value == "CTMS-ORD-1");
        observation.Code.Coding[0].Code.ShouldBe("718-7");
        bundle.Entry.Select(e => e.Resource).OfType<ServiceRequest>().Single().Status.ShouldBe(RequestStatus.Completed);

        (await client.ReadAsync<ServiceRequest>($"ServiceRequest/{placed.Id}"))!.Status.ShouldBe(RequestStatus.Completed);
        var found = await client.SearchAsync<Observation>([$"based-on=ServiceRequest/{placed.Id}"]);
        found!.Entry.Single().Resource.Id.ShouldBe(observation.Id);
    }

    [Fact]
    public async Task An_exam_order_comes_back_as_a_diagnostic_report()
    {
        Simulator.NotificationUrl = _receiver.Url;

        var placed = await fixture.Fhir().CreateAsync(Order("pat-00005", "http://loinc.org", "24627-2", "CTMS-ORD-2"));

        var received = (await _receiver.WaitForAsync(1)).ShouldHaveSingleItem();
        var report = Parser.Deserialize<Bundle>(System.Text.Encoding.UTF8.GetString(received.Body)).Entry
            .Select(e => e.Resource).OfType<DiagnosticReport>().Single();
        report.BasedOn.Single().Reference.ShouldBe($"ServiceRequest/{placed!.Id}");
        report.Conclusion.ShouldNotBeNullOrEmpty();
        report.Identifier.ShouldContain(i => i.Value == "CTMS-ORD-2");
    }

    [Fact]
    public async Task A_refused_delivery_is_retried_with_the_same_event_id_and_a_fresh_signature()
    {
        Simulator.NotificationUrl = _receiver.Url;
        _receiver.AnswerNext(500);

        await fixture.Fhir().CreateAsync(Order("pat-00006", "http://loinc.org", "2345-7", "CTMS-ORD-3"));

        var received = await _receiver.WaitForAsync(2);
        received.Count.ShouldBe(2);
        received[1].EventId.ShouldBe(received[0].EventId);
        received[1].Body.ShouldBe(received[0].Body);
        var attempts = Simulator.Notifications.Where(n => n.EventId == received[0].EventId).ToList();
        attempts.Select(a => (a.Attempt, a.StatusCode)).ShouldBe([(1, 500), (2, 200)]);
        attempts.ShouldAllBe(a => a.TargetUrl == _receiver.Url);
    }

    [Fact]
    public async Task A_redelivery_keeps_the_event_id()
    {
        Simulator.NotificationUrl = _receiver.Url;
        await Simulator.AdmitAsync("pat-00008");
        var first = (await _receiver.WaitForAsync(1)).Single();

        using var response = await fixture.Http.PostAsync(new Uri(Simulator.BaseUrl, $"/_sim/notifications/{first.EventId}/redeliver"), null);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var both = await _receiver.WaitForAsync(2);
        both[1].EventId.ShouldBe(first.EventId);
        both[1].Body.ShouldBe(first.Body);
    }

    [Fact]
    public async Task Admission_and_discharge_are_notified_with_the_encounter()
    {
        Simulator.NotificationUrl = _receiver.Url;

        using var admit = await fixture.Http.PostAsync(new Uri(Simulator.BaseUrl, "/_sim/patients/pat-00009/admit"), null);
        using var discharge = await fixture.Http.PostAsync(new Uri(Simulator.BaseUrl, "/_sim/patients/pat-00009/discharge"), null);
        using var again = await fixture.Http.PostAsync(new Uri(Simulator.BaseUrl, "/_sim/patients/pat-00009/discharge"), null);

        admit.StatusCode.ShouldBe(HttpStatusCode.Created);
        discharge.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var received = await _receiver.WaitForAsync(2);
        var encounters = received.Select(r => Parser.Deserialize<Bundle>(System.Text.Encoding.UTF8.GetString(r.Body)).Entry.Single().Resource)
            .Cast<Encounter>().ToList();
        encounters.Select(e => e.Status).ShouldBe([Encounter.EncounterStatus.InProgress, Encounter.EncounterStatus.Finished]);
        encounters.ShouldAllBe(e => e.Subject.Reference == "Patient/pat-00009" && e.Class.Code == "IMP");
        encounters[1].Period.End.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_subscription_sets_where_notifications_go()
    {
        Simulator.NotificationUrl = null;
        var subscription = new Subscription
        {
            Status = Subscription.SubscriptionStatus.Requested,
            Criteria = "Observation?category=laboratory",
            Reason = "CTMS",
            Channel = new Subscription.ChannelComponent { Type = Subscription.SubscriptionChannelType.RestHook, Endpoint = _receiver.Url },
        };

        var created = await fixture.Fhir().CreateAsync(subscription);

        created!.Status.ShouldBe(Subscription.SubscriptionStatus.Active);
        Simulator.NotificationUrl.ShouldBe(_receiver.Url);
    }

    [Fact]
    public async Task An_order_for_an_unknown_patient_or_without_a_code_is_refused()
    {
        var client = fixture.Fhir();

        var unknown = await Should.ThrowAsync<FhirOperationException>(() => client.CreateAsync(Order("pat-99999", "http://loinc.org", "718-7", "X")));
        var noCode = Order("pat-00001", "http://loinc.org", "718-7", "Y");
        noCode.Code = null;
        var missing = await Should.ThrowAsync<FhirOperationException>(() => client.CreateAsync(noCode));
        using var garbage = await fixture.Http.PostAsync(new Uri(Simulator.BaseUrl, "ServiceRequest"),
            new StringContent("{\"resourceType\":\"ServiceRequest\",", System.Text.Encoding.UTF8, "application/fhir+json"));

        unknown.Status.ShouldBe(HttpStatusCode.BadRequest);
        missing.Status.ShouldBe(HttpStatusCode.BadRequest);
        garbage.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await garbage.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("resourceType").GetString().ShouldBe("OperationOutcome");
    }

    private static ServiceRequest Order(string patientId, string system, string code, string ctmsOrderId)
    {
        var order = new ServiceRequest
        {
            Status = RequestStatus.Active,
            Intent = RequestIntent.Order,
            Subject = new ResourceReference($"Patient/{patientId}"),
            Code = new CodeableConcept(system, code),
            Identifier = [new Identifier("urn:ctms:order", ctmsOrderId)],
            Note = [new Annotation { Text = new Markdown("Paid by the trial.") }],
        };
        order.SetBoolExtension("http://ctms.example.org/fhir/StructureDefinition/paid-by-trial", true);
        return order;
    }

    public void Dispose() => _receiver.Dispose();
}
