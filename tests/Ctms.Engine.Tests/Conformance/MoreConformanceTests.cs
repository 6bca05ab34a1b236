using Ctms.Engine.Simulation;
using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Conformance;

/// <summary>More single behaviours: scopes and mappings, timers and messages, call activities, multi-instance.</summary>
public abstract class MoreConformanceTests : ConformanceSuite
{
    [Fact]
    public async Task BoundaryTimerOnMultiInstanceBody()
    {
        var result = await RunAsync("""
            {"variables": {"members": ["ann", "bob", "cai"]},
             "steps": [{"complete": "vote", "variables": {"vote": "approve"}}, {"advanceClock": "P7D"}]}
            """, nameof(BoundaryTimerOnMultiInstanceBody));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "vote:completed", "vote:cancelled", "vote:cancelled", "deadline:completed", "expired:completed"]);
    }

    [Fact]
    public async Task MessageStartEvent()
    {
        var result = await RunAsync("""{"steps": [{"message": "sae-reported", "correlationKey": "S-1", "variables": {"grade": 4}}]}""",
            "MessageStartEventMain", nameof(MessageStartEvent));
        result.Active.ShouldBe(["wait", "assess"], ignoreOrder: true);
        result.Steps().ShouldContain("reported:completed");
    }

    [Fact]
    public async Task InputMappingsAreLocal()
    {
        var result = await RunAsync("""{"variables": {"patient": "P-9"}}""", nameof(InputMappingsAreLocal));
        result.State.ShouldBe("completed");
        result.Variables.ContainsKey("subject").ShouldBeFalse("an input mapping is local to its activity");
    }

    [Fact]
    public async Task OutputToNestedPath()
    {
        var result = await RunAsync("""{"services": {"compute": {"outputs": {"arm": "B", "kit": "K-17"}}}}""", nameof(OutputToNestedPath));
        var allocation = result.Variables["allocation"]!.AsObject();
        allocation["arm"]!.GetValue<string>().ShouldBe("B");
        allocation["kit"]!.GetValue<string>().ShouldBe("K-17");
    }

    [Fact]
    public async Task SubProcessLocalVariable()
    {
        var result = await RunAsync("""{"steps": [{"complete": "edit", "variables": {"draft": 3, "note": "kept"}}]}""", nameof(SubProcessLocalVariable));
        result.State.ShouldBe("completed");
        result.Variables.ContainsKey("draft").ShouldBeFalse("draft was local to the subprocess and ended with it");
        result.Variables["note"]!.GetValue<string>().ShouldBe("kept");
    }

    [Fact]
    public async Task NonInterruptingMessageBoundary()
    {
        var result = await RunAsync("""{"variables": {"orderId": "A"}, "steps": [{"message": "lab-result", "correlationKey": "A"}]}""", nameof(NonInterruptingMessageBoundary));
        result.Active.ShouldBe(["review"], "the task goes on");
        result.Steps().ShouldBe(["start:completed", "update:completed", "note:completed", "noted:completed"]);
    }

    [Fact]
    public async Task TimerDate()
    {
        (await RunAsync("""{"steps": [{"advanceClock": "P2D"}]}""", nameof(TimerDate))).Active.ShouldBe(["until"]);
        (await RunAsync("""{"steps": [{"advanceClock": "P3DT1H"}]}""", nameof(TimerDate))).State.ShouldBe("completed");
    }

    [Fact]
    public async Task ErrorCatchAll()
    {
        var result = await RunAsync("""{"services": {"check-eligibility": {"error": "ANYTHING"}}}""", nameof(ErrorCatchAll));
        result.Steps().ShouldBe(["start:completed", "check:cancelled", "anyError:completed", "failed:completed"]);
    }

    [Fact]
    public async Task TerminateInSubProcessEndsOnlyTheSubProcess()
    {
        var result = await RunAsync("{}", nameof(TerminateInSubProcessEndsOnlyTheSubProcess));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "subStart:completed", "fork:completed", "slow:cancelled", "stop:completed", "sub:completed", "after:completed", "end:completed"]);
    }

    [Fact]
    public async Task CallActivityOutputsOnly()
    {
        var result = await RunAsync("""{"services": {"compute": {"outputs": {"result": 5}}}}""", nameof(CallActivityOutputsOnly), "CallActivityChild");
        result.Variables["childResult"]!.GetValue<decimal>().ShouldBe(5m);
        result.Variables.ContainsKey("result").ShouldBeFalse();
    }

    [Fact]
    public async Task CallActivityMissingProcess()
    {
        var result = await RunAsync("{}", nameof(CallActivityMissingProcess));
        result.State.ShouldBe("incident");
        result.Incidents.ShouldHaveSingleItem().Code.ShouldBe("ENGINE-0106");
    }

    [Fact]
    public async Task CallActivityRecursive()
    {
        // A statically self-calling process is refused at deploy; one that names itself through FEEL is stopped at run time.
        var result = await RunAsync("""{"variables": {"me": "self"}}""", nameof(CallActivityRecursive));
        result.State.ShouldBe("incident", "a process calling itself stops with an incident, not a crash");
        result.Incidents.ShouldHaveSingleItem().Code.ShouldBe("ENGINE-0107");
    }

    [Fact]
    public async Task ParallelThreeBranches()
    {
        var result = await RunAsync("""{"steps": [{"complete": "c"}, {"complete": "a"}, {"complete": "b"}]}""", nameof(ParallelThreeBranches));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "fork:completed", "c:completed", "a:completed", "b:completed", "join:completed", "end:completed"]);
    }

    [Fact]
    public async Task MultiInstanceSubProcess()
    {
        var result = await RunAsync("""{"variables": {"visits": [1, 2]}, "services": {"record-visit": {"outputs": {"done": true}}}}""", nameof(MultiInstanceSubProcess));
        result.State.ShouldBe("completed");
        result.Steps().Count(s => s == "visit:completed").ShouldBe(2);
        result.Variables["results"]!.AsArray().Select(r => r!.GetValue<bool>()).ShouldBe([true, true]);
    }

    [Fact]
    public async Task ImplicitEnd()
    {
        var result = await RunAsync("{}", nameof(ImplicitEnd));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "last:completed"]);
    }

    [Fact]
    public async Task ConditionNotBoolean()
    {
        var result = await RunAsync("""{"variables": {"label": "yes"}}""", nameof(ConditionNotBoolean));
        result.State.ShouldBe("incident");
        var incident = result.Incidents.ShouldHaveSingleItem();
        (incident.ElementId, incident.Code).ShouldBe(("decide", "ENGINE-0103"));
        incident.Message.ShouldContain("label");
    }

    [Fact]
    public async Task UserTaskAssignmentAndSchedule()
    {
        var (stores, cleanup) = await StoresAsync();
        await using var _ = cleanup;
        await Simulator.RunAsync([("f.bpmn", Fixture(nameof(UserTaskAssignmentAndSchedule)))],
            SimulationScript.Parse("""{"variables": {"investigator": "dr.chen"}}"""), Start, stores);
        var task = (await stores().TasksAsync(null, default)).ShouldHaveSingleItem();
        task.Assignee.ShouldBe("dr.chen");
        task.CandidateGroups.ShouldBe(["pi", "sub-investigator"]);
        task.DueDate.ShouldBe(new DateTimeOffset(2026, 3, 9, 17, 0, 0, TimeSpan.Zero));
        task.Priority.ShouldBe(80);
        task.FormId.ShouldBe("sign-off");
    }

    [Fact]
    public async Task AsyncContinuations()
    {
        // Each asynchronous activity runs from a job in a command of its own; the parallel join still waits for both.
        var (stores, cleanup) = await StoresAsync();
        await using var _ = cleanup;
        var result = await Simulator.RunAsync([("f.bpmn", Fixture(nameof(AsyncContinuations)))],
            SimulationScript.Parse("""{"services": {"compute": {"outputs": {"result": 7}}}, "steps": [{"complete": "review"}]}"""), Start, stores);

        result.State.ShouldBe("completed");
        result.Variables["fromA"]!.GetValue<decimal>().ShouldBe(7m);
        result.Steps().ShouldBe(["start:completed", "fork:completed", "a:completed", "review:completed", "join:completed", "end:completed"]);
        (await stores().NextJobDueAsync(default)).ShouldBeNull();
    }
}

public sealed class MoreConformanceTests_InMemory : MoreConformanceTests
{
    protected override Task<(Func<global::Ctms.Engine.Runtime.Store.IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync()
    {
        var store = new global::Ctms.Engine.Runtime.Store.InMemoryEngineStore();
        return Task.FromResult<(Func<global::Ctms.Engine.Runtime.Store.IEngineStore>, IAsyncDisposable)>((() => store, new NoCleanup()));
    }
}

public sealed class MoreConformanceTests_Sqlite : MoreConformanceTests
{
    protected override Task<(Func<global::Ctms.Engine.Runtime.Store.IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.SqliteAsync();
}

public sealed class MoreConformanceTests_Postgres : MoreConformanceTests
{
    protected override Task<(Func<global::Ctms.Engine.Runtime.Store.IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.PostgresAsync();
}
