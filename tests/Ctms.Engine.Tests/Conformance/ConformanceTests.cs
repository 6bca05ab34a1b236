using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Conformance;

/// <summary>One behaviour per fixture: the semantics of ENGINE.md's P0 elements and their hard combinations.</summary>
public abstract class ConformanceTests : ConformanceSuite
{
    [Fact]
    public async Task StartToEnd()
    {
        var result = await RunAsync("{}", nameof(StartToEnd));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "end:completed"]);
        result.Active.ShouldBeEmpty();
    }

    [Fact]
    public async Task ServiceTaskOutputs()
    {
        var result = await RunAsync("""{"services": {"compute": {"outputs": {"result": 42}}}}""", nameof(ServiceTaskOutputs));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "work:completed", "end:completed"]);
        result.Variables["total"]!.GetValue<decimal>().ShouldBe(42m);
        result.Variables.ContainsKey("result").ShouldBeFalse("an output mapping propagates only what it maps");
    }

    [Fact]
    public async Task UserTaskWaits()
    {
        var waiting = await RunAsync("{}", nameof(UserTaskWaits));
        waiting.State.ShouldBe("active");
        waiting.Active.ShouldBe(["review"]);

        var done = await RunAsync("""{"steps": [{"complete": "review", "variables": {"decision": "approve"}}]}""", nameof(UserTaskWaits));
        done.State.ShouldBe("completed");
        done.Variables["decision"]!.GetValue<string>().ShouldBe("approve");
        done.Steps().ShouldBe(["start:completed", "review:completed", "end:completed"]);
    }

    [Fact]
    public async Task ExclusiveGatewayDefault()
    {
        (await RunAsync("""{"variables": {"amount": 500}}""", nameof(ExclusiveGatewayDefault))).Steps()
            .ShouldBe(["start:completed", "decide:completed", "a:completed", "endA:completed"]);
        (await RunAsync("""{"variables": {"amount": 5}}""", nameof(ExclusiveGatewayDefault))).Steps()
            .ShouldBe(["start:completed", "decide:completed", "b:completed", "endB:completed"]);
    }

    [Fact]
    public async Task ExclusiveGatewayNoMatch()
    {
        var result = await RunAsync("""{"variables": {"amount": 5}}""", nameof(ExclusiveGatewayNoMatch));
        result.State.ShouldBe("incident");
        var incident = result.Incidents.ShouldHaveSingleItem();
        incident.ElementId.ShouldBe("decide");
        incident.Code.ShouldBe("ENGINE-0101");
        result.Active.ShouldBe(["decide"]);
    }

    [Fact]
    public async Task ParallelForkJoin()
    {
        var result = await RunAsync("{}", nameof(ParallelForkJoin));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "fork:completed", "a:completed", "b:completed", "join:completed", "end:completed"]);
    }

    [Fact]
    public async Task ParallelJoinWaitsForUserTask()
    {
        var waiting = await RunAsync("{}", nameof(ParallelJoinWaitsForUserTask));
        waiting.State.ShouldBe("active");
        waiting.Active.ShouldBe(["review"]);
        waiting.Steps().ShouldNotContain("join:completed");

        var done = await RunAsync("""{"steps": [{"complete": "review"}]}""", nameof(ParallelJoinWaitsForUserTask));
        done.State.ShouldBe("completed");
        done.Steps().Count(s => s == "join:completed").ShouldBe(1);
    }

    [Fact]
    public async Task EmbeddedSubProcess()
    {
        var result = await RunAsync("{}", nameof(EmbeddedSubProcess));
        result.Steps().ShouldBe(["start:completed", "subStart:completed", "inner:completed", "subEnd:completed", "sub:completed", "end:completed"]);
    }

    [Fact]
    public async Task BoundaryTimerInterruptsUserTask()
    {
        var before = await RunAsync("""{"steps": [{"advanceClock": "P2D"}]}""", nameof(BoundaryTimerInterruptsUserTask));
        before.Active.ShouldBe(["review"]);

        var after = await RunAsync("""{"steps": [{"advanceClock": "P3D"}]}""", nameof(BoundaryTimerInterruptsUserTask));
        after.State.ShouldBe("completed");
        after.Steps().ShouldBe(["start:completed", "review:cancelled", "late:completed", "escalated:completed"]);
    }

    [Fact]
    public async Task NonInterruptingTimerCycleReminds()
    {
        var result = await RunAsync("""{"steps": [{"advanceClock": "P5D"}, {"complete": "review"}]}""", nameof(NonInterruptingTimerCycleReminds));
        result.State.ShouldBe("completed");
        result.Steps().Count(s => s == "remind:completed").ShouldBe(3, "R3 fires three times, then stops");
        result.Steps().Count(s => s == "sendReminder:completed").ShouldBe(3);
        result.Steps()[^2..].ShouldBe(["review:completed", "end:completed"]);
    }

    [Fact]
    public async Task IntermediateTimerWaits()
    {
        (await RunAsync("""{"steps": [{"advanceClock": "PT1H"}]}""", nameof(IntermediateTimerWaits))).Active.ShouldBe(["wait"]);
        (await RunAsync("""{"steps": [{"advanceClock": "PT2H"}]}""", nameof(IntermediateTimerWaits))).State.ShouldBe("completed");
    }

    [Fact]
    public async Task MessageCatchCorrelates()
    {
        var wrongKey = await RunAsync("""{"variables": {"orderId": "O-1"}, "steps": [{"message": "lab-result", "correlationKey": "O-2"}]}""", nameof(MessageCatchCorrelates));
        wrongKey.Active.ShouldBe(["result"]);

        var result = await RunAsync("""{"variables": {"orderId": "O-1"}, "steps": [{"message": "lab-result", "correlationKey": "O-1", "variables": {"hba1c": 6.9}}]}""",
            nameof(MessageCatchCorrelates));
        result.State.ShouldBe("completed");
        result.Variables["hba1c"]!.GetValue<decimal>().ShouldBe(6.9m);
    }

    [Fact]
    public async Task MessageBeforeSubscriptionIsBuffered()
    {
        var result = await RunAsync("""
            {"variables": {"orderId": "O-7"},
             "steps": [{"message": "lab-result", "correlationKey": "O-7", "variables": {"value": 1}}, {"complete": "order"}]}
            """, nameof(MessageBeforeSubscriptionIsBuffered));
        result.State.ShouldBe("completed", "the result that arrived before the process waited for it is not lost");
        result.Steps().ShouldBe(["start:completed", "order:completed", "result:completed", "end:completed"]);
    }

    [Fact]
    public async Task MessageBoundaryInterrupts()
    {
        var result = await RunAsync("""{"variables": {"orderId": 12}, "steps": [{"message": "lab-result", "correlationKey": "12"}]}""", nameof(MessageBoundaryInterrupts));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "review:cancelled", "arrived:completed", "cancelled:completed"]);
    }

    [Fact]
    public async Task ErrorBoundaryOnServiceTask()
    {
        var result = await RunAsync("""{"services": {"check-eligibility": {"error": "NOT_ELIGIBLE"}}}""", nameof(ErrorBoundaryOnServiceTask));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "check:cancelled", "notEligible:completed", "screenFail:completed"]);
    }

    [Fact]
    public async Task ErrorEndInSubProcessCaught()
    {
        var result = await RunAsync("{}", nameof(ErrorEndInSubProcessCaught));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "subStart:completed", "fail:completed", "sub:cancelled", "caught:completed", "handled:completed"]);
    }

    [Fact]
    public async Task UncaughtErrorIsIncident()
    {
        var result = await RunAsync("""{"services": {"check-eligibility": {"error": "NOT_ELIGIBLE"}}}""", nameof(UncaughtErrorIsIncident));
        result.State.ShouldBe("incident");
        result.Incidents.ShouldHaveSingleItem().Message.ShouldContain("NOT_ELIGIBLE");
    }

    [Fact]
    public async Task TerminateEndInParallelBranch()
    {
        var result = await RunAsync("{}", nameof(TerminateEndInParallelBranch));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "fork:completed", "review:cancelled", "stop:completed"]);
    }

    [Fact]
    public async Task MultiInstanceParallelCollectsOutputs()
    {
        var result = await RunAsync("""
            {"variables": {"members": ["ann", "bob", "cai"]},
             "steps": [{"complete": "vote", "variables": {"vote": "approve"}}, {"complete": "vote", "variables": {"vote": "abstain"}},
                       {"complete": "vote", "variables": {"vote": "approve"}}]}
            """, nameof(MultiInstanceParallelCollectsOutputs));
        result.State.ShouldBe("completed");
        result.Variables["votes"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["approve", "abstain", "approve"]);
        result.Steps().Count(s => s == "vote:completed").ShouldBe(3);
    }

    [Fact]
    public async Task MultiInstanceSequential()
    {
        var one = await RunAsync("""{"variables": {"members": ["ann", "bob"]}, "steps": [{"complete": "vote", "variables": {"vote": "yes"}}]}""",
            nameof(MultiInstanceSequential));
        one.Active.ShouldBe(["vote"], "one instance at a time");
        var both = await RunAsync("""
            {"variables": {"members": ["ann", "bob"]},
             "steps": [{"complete": "vote", "variables": {"vote": "yes"}}, {"complete": "vote", "variables": {"vote": "no"}}]}
            """, nameof(MultiInstanceSequential));
        both.State.ShouldBe("completed");
        both.Variables["votes"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["yes", "no"]);
    }

    [Fact]
    public async Task MultiInstanceCompletionConditionCancelsOpenVotes()
    {
        var result = await RunAsync("""
            {"variables": {"members": ["ann", "bob", "cai"]},
             "steps": [{"complete": "vote", "variables": {"vote": "approve"}}, {"complete": "vote", "variables": {"vote": "disapprove"}}]}
            """, nameof(MultiInstanceCompletionConditionCancelsOpenVotes));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "vote:completed", "vote:completed", "vote:cancelled", "end:completed"]);
        var votes = result.Variables["votes"]!.AsArray();
        votes[0]!.GetValue<string>().ShouldBe("approve");
        votes[1]!.GetValue<string>().ShouldBe("disapprove");
        votes[2].ShouldBeNull("the cancelled vote leaves null at its position");
    }

    [Fact]
    public async Task MultiInstanceEmptyCollection()
    {
        var result = await RunAsync("""{"variables": {"members": []}}""", nameof(MultiInstanceEmptyCollection));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "end:completed"]);
        result.Variables["votes"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task CallActivityPropagatesVariables()
    {
        var result = await RunAsync("""{"variables": {"input": 1}, "services": {"compute": {"outputs": {"result": 7}}}}""", "CallActivityParent", "CallActivityChild");
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "childStart:completed", "childWork:completed", "childEnd:completed", "call:completed", "end:completed"]);
        result.Variables["result"]!.GetValue<decimal>().ShouldBe(7m);
    }

    [Fact]
    public async Task CallActivityErrorCaughtInCaller()
    {
        var result = await RunAsync("""{"services": {"check-eligibility": {"error": "NOT_ELIGIBLE"}}}""", "CallActivityErrorCaughtInCaller", "CallActivityChildThrows");
        result.State.ShouldBe("completed");
        result.Steps().ShouldContain("call:cancelled");
        result.Steps()[^2..].ShouldBe(["caught:completed", "handled:completed"]);
    }

    [Fact]
    public async Task ExclusiveLoopThenJoin()
    {
        var result = await RunAsync("""
            {"steps": [{"complete": "draft", "variables": {"approved": false}}, {"complete": "draft", "variables": {"approved": true}}]}
            """, nameof(ExclusiveLoopThenJoin));
        result.State.ShouldBe("completed");
        result.Steps().Count(s => s == "draft:completed").ShouldBe(2);
        result.Steps().Count(s => s == "merge:completed").ShouldBe(2);
    }
}

public sealed class ConformanceTests_InMemory : ConformanceTests
{
    protected override Task<(Func<global::Ctms.Engine.Runtime.Store.IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync()
    {
        var store = new global::Ctms.Engine.Runtime.Store.InMemoryEngineStore();
        return Task.FromResult<(Func<global::Ctms.Engine.Runtime.Store.IEngineStore>, IAsyncDisposable)>((() => store, new NoCleanup()));
    }
}

public sealed class ConformanceTests_Sqlite : ConformanceTests
{
    protected override Task<(Func<global::Ctms.Engine.Runtime.Store.IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.SqliteAsync();
}

public sealed class ConformanceTests_Postgres : ConformanceTests
{
    protected override Task<(Func<global::Ctms.Engine.Runtime.Store.IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.PostgresAsync();
}
