using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ctms.Engine.Diagnostics;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;
using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Diagnostics;

/// <summary>What an operator's collector (OpenTelemetry, dotnet-counters) receives from the engine's meter and activity source.</summary>
public sealed class EngineMetricsTests : IDisposable
{
    // Other tests run at the same time and feed the same static meter: this test counts only its own process id.
    private readonly string _processId = "metrics-" + Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentBag<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly ConcurrentBag<Activity> _spans = [];
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;

    public EngineMetricsTests()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EngineMetrics.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineMetrics.Name,
            Sample = (ref ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Add,
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private string Process(string task) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <bpmn:process id="{_processId}" isExecutable="true">
            <bpmn:startEvent id="s" />
            {task}
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="work" />
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private long Sum(string instrument, string key, string value) =>
        _measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault(key), value)).Sum(m => m.Value);

    [Fact]
    public async Task Started_and_completed_instances_and_incidents_are_counted_and_each_command_is_a_span()
    {
        var engine = new BpmnEngine(new InMemoryEngineStore(), ScriptedActivities.Empty, new ManualClock(Start));
        await engine.DeployAsync("m.bpmn", Process("""<bpmn:task id="work" />"""));

        for (var i = 0; i < 3; i++)
        {
            await engine.StartAsync(_processId);
        }

        _meters.RecordObservableInstruments();
        Sum("ctms.engine.instances.started", "process", _processId).ShouldBe(3);
        _measurements.Where(m => m.Instrument == "ctms.engine.instances.ended" && Equals(m.Tags["process"], _processId))
            .ShouldAllBe(m => Equals(m.Tags["status"], "completed"));
        Sum("ctms.engine.instances.ended", "process", _processId).ShouldBe(3);
        _spans.Count(s => s.DisplayName == "engine start" && Equals(s.GetTagItem("ctms.engine.subject"), _processId)).ShouldBe(3);
        _spans.ShouldContain(s => s.DisplayName == "engine deploy" && Equals(s.GetTagItem("ctms.engine.subject"), "m.bpmn"));
    }

    [Fact]
    public async Task An_incident_is_counted_by_its_code_and_a_failed_command_marks_its_span()
    {
        var engine = new BpmnEngine(new InMemoryEngineStore(), ScriptedActivities.Empty, new ManualClock(Start));
        await engine.DeployAsync("m.bpmn", Process("""<bpmn:exclusiveGateway id="work" />""").Replace("""<bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="e" />""",
            """<bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="e"><bpmn:conditionExpression>=false</bpmn:conditionExpression></bpmn:sequenceFlow>""", StringComparison.Ordinal));
        var before = Sum("ctms.engine.incidents", "code", IncidentCodes.NoFlowMatched);

        await engine.StartAsync(_processId);
        await Should.ThrowAsync<EngineException>(() => engine.StartAsync("not-deployed-" + _processId));

        (Sum("ctms.engine.incidents", "code", IncidentCodes.NoFlowMatched) - before).ShouldBeGreaterThanOrEqualTo(1);
        _spans.ShouldContain(s => s.DisplayName == "engine start" && Equals(s.GetTagItem("ctms.engine.subject"), "not-deployed-" + _processId)
                                  && s.Status == ActivityStatusCode.Error);
    }
}
