using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace Ctms.HospitalSim.Tests;

public sealed class FaultTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>, IDisposable
{
    private HospitalSimulator Simulator => fixture.Simulator;

    [Fact]
    public async Task Down_answers_503_with_an_operation_outcome_but_the_controls_still_work()
    {
        Simulator.Faults.Down();

        var down = await Should.ThrowAsync<FhirOperationException>(() => fixture.Fhir().ReadAsync<Patient>("Patient/pat-00001"));
        using var control = await fixture.Http.PostAsJsonAsync(new Uri(Simulator.BaseUrl, "/_sim/faults"), new { mode = "none" });

        down.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        down.Outcome.Issue.ShouldNotBeEmpty();
        control.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.Fhir().ReadAsync<Patient>("Patient/pat-00001"))!.Id.ShouldBe("pat-00001");
    }

    [Fact]
    public async Task Slow_waits_before_answering()
    {
        using var set = await fixture.Http.PostAsJsonAsync(new Uri(Simulator.BaseUrl, "/_sim/faults"), new { mode = "slow", delayMs = 400 });
        set.EnsureSuccessStatusCode();
        var watch = Stopwatch.StartNew();

        using var response = await fixture.Http.GetAsync(new Uri(Simulator.BaseUrl, "Patient/pat-00001"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(380));
    }

    [Fact]
    public async Task Malformed_answers_200_with_a_body_Firely_cannot_read()
    {
        Simulator.Faults.Malformed();

        using var response = await fixture.Http.GetAsync(new Uri(Simulator.BaseUrl, "Patient?_count=1"));
        var failure = await Should.ThrowAsync<Exception>(() => fixture.Fhir().SearchAsync<Patient>(["_count=1"]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldStartWith("{\"resourceType\":\"Bundle\",\"entry\":[{");
        failure.ShouldNotBeOfType<ShouldAssertException>();
    }

    [Fact]
    public async Task Fail_after_lets_some_requests_through_then_stops_until_reset()
    {
        using var set = await fixture.Http.PostAsJsonAsync(new Uri(Simulator.BaseUrl, "/_sim/faults"), new { mode = "fail-after", after = 3 });
        set.EnsureSuccessStatusCode();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            using var response = await fixture.Http.GetAsync(new Uri(Simulator.BaseUrl, "Organization?_count=1"));
            statuses.Add(response.StatusCode);
        }
        Simulator.Faults.Reset();
        using var after = await fixture.Http.GetAsync(new Uri(Simulator.BaseUrl, "Organization?_count=1"));

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable]);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_fault_mode_is_refused()
    {
        using var response = await fixture.Http.PostAsJsonAsync(new Uri(Simulator.BaseUrl, "/_sim/faults"), new { mode = "on-fire" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Stopped_the_hospital_refuses_connections_and_restarted_it_answers_on_the_same_port_with_the_same_data()
    {
        var port = Simulator.Port;
        var changedBefore = Simulator.Data.Drugs.Count;

        await Simulator.StopAsync();
        await Should.ThrowAsync<HttpRequestException>(() => fixture.Http.GetAsync(new Uri(Simulator.BaseUrl, "metadata")));
        await Simulator.RestartAsync();

        Simulator.Port.ShouldBe(port);
        var statement = await fixture.Fhir().CapabilityStatementAsync();
        statement!.Rest[0].Resource.ShouldContain(r => r.Type == "Patient");
        (await fixture.Fhir().SearchAsync<Medication>(["_count=1"]))!.Total.ShouldBe(changedBefore);
    }

    public void Dispose() => Simulator.Faults.Reset();
}
