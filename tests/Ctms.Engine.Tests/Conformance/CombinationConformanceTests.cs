using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;
using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Conformance;

/// <summary>
/// Hard combinations and edge semantics: boundary events on scopes and call activities, errors crossing scopes and
/// processes, multi-instance completion rules, loops with joins, FEEL timers, message buffering and variable scopes.
/// </summary>
public abstract class CombinationConformanceTests : ConformanceSuite
{
    private static async Task<List<InstanceStatus>> InstanceStatusesAsync(IEngineStore store)
    {
        var statuses = new List<InstanceStatus>();
        foreach (var id in (await store.HistoryAsync(null, default)).Select(h => h.InstanceId).Distinct())
        {
            statuses.Add((await store.InstanceAsync(id, default))!.Status);
        }
        return statuses;
    }

    [Fact]
    public async Task NonInterruptingCycleStopsWhenTaskCompletes()
    {
        var (result, store) = await RunWithStoreAsync("""
            {"steps": [{"advanceClock": "P2D"}, {"complete": "review"}, {"advanceClock": "P5D"}]}
            """, nameof(NonInterruptingCycleStopsWhenTaskCompletes));
        result.State.ShouldBe("active");
        result.Active.ShouldBe(["archive"]);
        result.Steps().Count(s => s == "remind:completed").ShouldBe(2, "two reminders before the task was done, none after");
        result.Steps().Count(s => s == "sendReminder:completed").ShouldBe(2);
        result.Steps().ShouldContain("review:completed");
        (await store.NextJobDueAsync(default)).ShouldBeNull("the rest of the cycle was cancelled with the task");
    }

    [Fact]
    public async Task BoundaryTimerInterruptsSubProcessWithUserTask()
    {
        (await RunAsync("""{"steps": [{"advanceClock": "PT23H"}]}""", nameof(BoundaryTimerInterruptsSubProcessWithUserTask))).Active.ShouldBe(["sub", "fill"]);

        var (result, store) = await RunWithStoreAsync("""{"steps": [{"advanceClock": "P1D"}]}""", nameof(BoundaryTimerInterruptsSubProcessWithUserTask));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "subStart:completed", "fill:cancelled", "sub:cancelled", "timeout:completed", "timedOut:completed"]);
        result.Active.ShouldBeEmpty();
        (await store.TasksAsync(null, default)).ShouldBeEmpty("the inner user task left the inbox with its subprocess");
    }

    [Fact]
    public async Task MessageBoundaryTerminatesCalledInstance()
    {
        var (result, store) = await RunWithStoreAsync("""
            {"variables": {"caseId": "C-1"}, "steps": [{"message": "withdrawal", "correlationKey": "C-1"}]}
            """, nameof(MessageBoundaryTerminatesCalledInstance), "CalledChildWaits");
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "childStart:completed", "childTask:cancelled", "call:cancelled", "withdrawn:completed", "closed:completed"]);
        result.Active.ShouldBeEmpty();
        (await store.TasksAsync(null, default)).ShouldBeEmpty();
        (await InstanceStatusesAsync(store)).ShouldBe([InstanceStatus.Completed, InstanceStatus.Terminated]);
    }

    [Fact]
    public async Task ErrorInMultiInstanceSubProcessCaughtOnBody()
    {
        var result = await RunAsync("""
            {"variables": {"visits": [1, 2, 3]},
             "services": {"flag-visit": {"error": "VISIT_MISSED"}, "record-visit": {"outputs": {"done": true}}}}
            """, nameof(ErrorInMultiInstanceSubProcessCaughtOnBody));
        result.State.ShouldBe("completed");
        result.Active.ShouldBeEmpty();
        var steps = result.Steps();
        steps[^2..].ShouldBe(["visitMissed:completed", "rescheduled:completed"]);
        steps.ShouldContain("flag:cancelled");
        steps.Count(s => s == "visit:cancelled").ShouldBe(3, "the boundary on the multi-instance body cancels every inner instance");
        steps.ShouldNotContain("visit:completed");
        steps.ShouldNotContain("end:completed");
        result.Variables.ContainsKey("results").ShouldBeFalse("an interrupted body does not hand out its output collection");
    }

    [Fact]
    public async Task ErrorEndCaughtTwoLevelsUp()
    {
        var result = await RunAsync("{}", nameof(ErrorEndCaughtTwoLevelsUp));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "outerStart:completed", "innerStart:completed", "fail:completed", "inner:cancelled", "outer:cancelled",
            "locked:completed", "handled:completed"]);
    }

    [Fact]
    public async Task MultiInstanceCompletesAfterTwoOfThree()
    {
        var one = await RunAsync("""{"variables": {"reviewers": ["ann", "bob", "cai"]}, "steps": [{"complete": "review"}]}""",
            nameof(MultiInstanceCompletesAfterTwoOfThree));
        one.Active.ShouldBe(["review", "review"]);

        var (result, store) = await RunWithStoreAsync("""
            {"variables": {"reviewers": ["ann", "bob", "cai"]}, "steps": [{"complete": "review"}, {"complete": "review"}]}
            """, nameof(MultiInstanceCompletesAfterTwoOfThree));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "review:completed", "review:completed", "review:cancelled", "end:completed"]);
        (await store.TasksAsync(null, default)).ShouldBeEmpty("the third review left the inbox");
    }

    [Fact]
    public async Task MultiInstanceMajorityRule()
    {
        var majority = await RunAsync("""
            {"variables": {"members": ["m1", "m2", "m3", "m4", "m5"]},
             "steps": [{"complete": "vote", "variables": {"vote": "reject"}}, {"complete": "vote", "variables": {"vote": "approve"}},
                       {"complete": "vote", "variables": {"vote": "approve"}}, {"complete": "vote", "variables": {"vote": "approve"}}]}
            """, nameof(MultiInstanceMajorityRule));
        majority.State.ShouldBe("completed");
        majority.Steps().Count(s => s == "vote:completed").ShouldBe(4, "three completions were not yet a majority of approvals");
        majority.Steps().Count(s => s == "vote:cancelled").ShouldBe(1);
        majority.Steps()[^2..].ShouldBe(["outcome:completed", "accepted:completed"]);
        majority.Variables["votes"]!.AsArray().Select(v => v?.GetValue<string>()).ShouldBe(["reject", "approve", "approve", "approve", null]);
        majority.Variables.ContainsKey("vote").ShouldBeFalse("each vote was local to its inner instance");

        var none = await RunAsync("""
            {"variables": {"members": ["m1", "m2", "m3"]},
             "steps": [{"complete": "vote", "variables": {"vote": "reject"}}, {"complete": "vote", "variables": {"vote": "approve"}},
                       {"complete": "vote", "variables": {"vote": "reject"}}]}
            """, nameof(MultiInstanceMajorityRule));
        none.State.ShouldBe("completed");
        none.Steps().Count(s => s == "vote:completed").ShouldBe(3, "without a majority every member votes");
        none.Steps()[^1].ShouldBe("rejected:completed");
    }

    [Fact]
    public async Task SequentialMultiInstanceOverContexts()
    {
        var result = await RunAsync("""
            {"variables": {"visits": [{"site": "A", "day": 1}, {"site": "B", "day": 8}, {"site": "C", "day": 15}]}}
            """, nameof(SequentialMultiInstanceOverContexts));
        result.State.ShouldBe("completed");
        result.Steps().Count(s => s == "book:completed").ShouldBe(3);
        result.Variables["bookings"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["1:A@2", "2:B@16", "3:C@30"]);
        foreach (var local in new[] { "visit", "siteCode", "slot", "loopCounter" })
        {
            result.Variables.ContainsKey(local).ShouldBeFalse($"{local} is local to an inner instance");
        }
    }

    [Fact]
    public async Task ExclusiveLoopThreeTimesThenParallelJoin()
    {
        var waiting = await RunAsync("""{"variables": {"counter": 0}}""", nameof(ExclusiveLoopThreeTimesThenParallelJoin));
        waiting.State.ShouldBe("active");
        waiting.Active.ShouldBe(["review"]);
        waiting.Steps().Count(s => s == "increment:completed").ShouldBe(3);
        waiting.Steps().Count(s => s == "merge:completed").ShouldBe(3);
        waiting.Steps().ShouldNotContain("join:completed");
        waiting.Variables["counter"]!.GetValue<decimal>().ShouldBe(3m);

        var done = await RunAsync("""{"variables": {"counter": 0}, "steps": [{"complete": "review"}]}""", nameof(ExclusiveLoopThreeTimesThenParallelJoin));
        done.State.ShouldBe("completed");
        done.Steps().Count(s => s == "join:completed").ShouldBe(1);
        done.Steps()[^3..].ShouldBe(["review:completed", "join:completed", "end:completed"]);
    }

    [Fact]
    public async Task TerminateEndCancelsPendingTimer()
    {
        var (result, store) = await RunWithStoreAsync("""
            {"steps": [{"advanceClock": "PT30M"}, {"complete": "decide"}, {"advanceClock": "PT2H"}]}
            """, nameof(TerminateEndCancelsPendingTimer));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "fork:completed", "decide:completed", "wait:cancelled", "stop:completed"]);
        (await store.NextJobDueAsync(default)).ShouldBeNull();
    }

    [Fact]
    public async Task SecondMessageBufferedForLaterReceiveTask()
    {
        const string messages = """
            {"message": "lab-result", "correlationKey": "O-1", "variables": {"value": 1}},
            {"message": "lab-result", "correlationKey": "O-1", "variables": {"value": 2}}
            """;
        var waiting = await RunAsync($$"""{"variables": {"orderId": "O-1"}, "steps": [{{messages}}]}""", nameof(SecondMessageBufferedForLaterReceiveTask));
        waiting.Active.ShouldBe(["check"], "one message completes the catch event; the other is buffered, not lost or consumed twice");
        waiting.Variables["first"]!.GetValue<decimal>().ShouldBe(1m);

        var done = await RunAsync($$"""{"variables": {"orderId": "O-1"}, "steps": [{{messages}}, {"complete": "check"}]}""",
            nameof(SecondMessageBufferedForLaterReceiveTask));
        done.State.ShouldBe("completed");
        done.Variables["first"]!.GetValue<decimal>().ShouldBe(1m);
        done.Variables["second"]!.GetValue<decimal>().ShouldBe(2m);
        done.Variables.ContainsKey("value").ShouldBeFalse("output mappings propagate only what they map");
    }

    [Fact]
    public async Task MessageStartThenReceiveByKey()
    {
        const string start = """{"message": "order-placed", "variables": {"orderId": "O-5"}}""";
        var waiting = await RunAsync($$"""{"steps": [{{start}}, {"message": "order-paid", "correlationKey": "O-6"}]}""",
            "MessageStartEventMain", nameof(MessageStartThenReceiveByKey));
        waiting.Active.ShouldBe(["wait", "payment"], ignoreOrder: true);
        waiting.Steps().ShouldContain("orderPlaced:completed");

        var paid = await RunAsync($$$"""{"steps": [{{{start}}}, {"message": "order-paid", "correlationKey": "O-5", "variables": {"amount": 10}}]}""",
            "MessageStartEventMain", nameof(MessageStartThenReceiveByKey));
        paid.Active.ShouldBe(["wait"]);
        paid.Steps().ShouldContain("payment:completed");
        paid.Steps()[^1].ShouldBe("orderClosed:completed");
    }

    [Fact]
    public async Task IntermediateTimerFeelDuration()
    {
        (await RunAsync("""{"variables": {"hours": 2}, "steps": [{"advanceClock": "PT1H59M"}]}""", nameof(IntermediateTimerFeelDuration))).Active.ShouldBe(["wait"]);
        (await RunAsync("""{"variables": {"hours": 2}, "steps": [{"advanceClock": "PT2H"}]}""", nameof(IntermediateTimerFeelDuration))).State.ShouldBe("completed");
    }

    [Fact]
    public async Task IntermediateTimerDurationFromVariable()
    {
        (await RunAsync("""{"variables": {"waitTime": "P1D"}, "steps": [{"advanceClock": "PT23H"}]}""", nameof(IntermediateTimerDurationFromVariable)))
            .Active.ShouldBe(["wait"]);
        (await RunAsync("""{"variables": {"waitTime": "P1D"}, "steps": [{"advanceClock": "P1D"}]}""", nameof(IntermediateTimerDurationFromVariable)))
            .State.ShouldBe("completed");
    }

    [Fact]
    public async Task TimerDateFromVariable()
    {
        (await RunAsync("""{"variables": {"enrolledAt": "2026-03-02T08:00:00Z"}, "steps": [{"advanceClock": "P1DT23H"}]}""", nameof(TimerDateFromVariable)))
            .Active.ShouldBe(["followUp"]);
        (await RunAsync("""{"variables": {"enrolledAt": "2026-03-02T08:00:00Z"}, "steps": [{"advanceClock": "P2D"}]}""", nameof(TimerDateFromVariable)))
            .State.ShouldBe("completed");
    }

    [Fact]
    public async Task UserTaskOutputMapping()
    {
        var result = await RunAsync("""{"steps": [{"complete": "ecReview", "variables": {"decision": "approve", "comment": "fine"}}]}""",
            nameof(UserTaskOutputMapping));
        result.State.ShouldBe("completed");
        result.Variables["ecDecision"]!.GetValue<string>().ShouldBe("approve");
        result.Variables.ContainsKey("decision").ShouldBeFalse();
        result.Variables.ContainsKey("comment").ShouldBeFalse("with output mappings, only the mapped variables leave the task");
    }

    [Fact]
    public async Task SubProcessInputShadowsVariable()
    {
        var result = await RunAsync("""{"variables": {"status": "draft"}, "steps": [{"complete": "edit", "variables": {"status": "edited"}}]}""",
            nameof(SubProcessInputShadowsVariable));
        result.State.ShouldBe("completed");
        result.Steps().ShouldContain("edit:completed", "inside the subprocess the input mapping shadows the process variable");
        result.Steps().ShouldNotContain("wrong:completed");
        result.Variables["status"]!.GetValue<string>().ShouldBe("draft", "the task wrote the subprocess's local status, which ended with it");
    }

    [Fact]
    public async Task CallActivityPassesOnlyInputs()
    {
        var result = await RunAsync("""{"variables": {"patient": "P-1", "secret": "s3"}}""", nameof(CallActivityPassesOnlyInputs), "CalledChildSeesInputs");
        result.State.ShouldBe("completed");
        result.Steps().ShouldContain("isolated:completed");
        result.Steps().ShouldNotContain("leaked:completed");
        result.Variables["seenSubject"]!.GetValue<string>().ShouldBe("P-1");
        result.Variables.ContainsKey("subject").ShouldBeFalse("the input mapping stayed local to the call activity");
    }

    [Fact]
    public async Task GatewayConditionComparesStringWithNumber()
    {
        var result = await RunAsync("""{"variables": {"score": "high"}}""", nameof(GatewayConditionComparesStringWithNumber));
        result.State.ShouldBe("incident");
        var incident = result.Incidents.ShouldHaveSingleItem();
        (incident.ElementId, incident.Code).ShouldBe(("decide", "ENGINE-0103"));
        incident.Message.ShouldContain("score > 5");
        incident.Message.ShouldContain("null");
        result.Active.ShouldBe(["decide"]);
        result.Steps().ShouldNotContain("lowEnd:completed", "a failed condition is an incident, not a reason to take the default flow");
    }

    [Fact]
    public async Task ExclusiveGatewayFirstTrueConditionWins()
    {
        (await RunAsync("""{"variables": {"amount": 500}}""", nameof(ExclusiveGatewayFirstTrueConditionWins))).Steps()
            .ShouldBe(["start:completed", "route:completed", "medium:completed"]);
        (await RunAsync("""{"variables": {"amount": 50}}""", nameof(ExclusiveGatewayFirstTrueConditionWins))).Steps()
            .ShouldBe(["start:completed", "route:completed", "medium:completed"]);
        (await RunAsync("""{"variables": {"amount": 5}}""", nameof(ExclusiveGatewayFirstTrueConditionWins))).Steps()
            .ShouldBe(["start:completed", "route:completed", "small:completed"]);
    }

    [Fact]
    public async Task ErrorFallsThroughToCatchAllOnSubProcess()
    {
        var result = await RunAsync("""{"services": {"check-eligibility": {"error": "LATE"}}}""", nameof(ErrorFallsThroughToCatchAllOnSubProcess));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "subStart:completed", "check:cancelled", "sub:cancelled", "anyError:completed", "failed:completed"]);
    }

    [Fact]
    public async Task EmptyMultiInstanceInParallelBranch()
    {
        var (result, store) = await RunWithStoreAsync("""{"variables": {"members": []}, "steps": [{"advanceClock": "PT2H"}]}""",
            nameof(EmptyMultiInstanceInParallelBranch));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "fork:completed", "prepare:completed", "join:completed", "end:completed"]);
        result.Variables["votes"]!.AsArray().Count.ShouldBe(0);
        (await store.NextJobDueAsync(default)).ShouldBeNull("the boundary timer ended with the empty body");
    }

    [Fact]
    public async Task TaskCompletedBeforeBoundaryTimer()
    {
        var (result, store) = await RunWithStoreAsync("""{"steps": [{"complete": "review"}, {"advanceClock": "P2D"}]}""", nameof(TaskCompletedBeforeBoundaryTimer));
        result.State.ShouldBe("active");
        result.Active.ShouldBe(["archive"]);
        result.Steps().ShouldBe(["start:completed", "review:completed"]);
        (await store.NextJobDueAsync(default)).ShouldBeNull();
    }

    [Fact]
    public async Task NonInterruptingMessageBoundaryFiresTwice()
    {
        var result = await RunAsync("""
            {"variables": {"caseId": "C-9"},
             "steps": [{"message": "query", "correlationKey": "C-9"}, {"message": "query", "correlationKey": "C-9"}, {"complete": "review"}]}
            """, nameof(NonInterruptingMessageBoundaryFiresTwice));
        result.State.ShouldBe("active");
        result.Steps().Count(s => s == "queryRaised:completed").ShouldBe(2, "a non-interrupting message boundary stays subscribed while its activity runs");
        result.Active.ShouldBe(["answer", "answer"]);
    }

    [Fact]
    public async Task UncaughtErrorInCalledProcessIsIncidentInChild()
    {
        var result = await RunAsync("""{"services": {"check-eligibility": {"error": "NOT_ELIGIBLE"}}}""",
            nameof(UncaughtErrorInCalledProcessIsIncidentInChild), "CallActivityChildThrows");
        result.State.ShouldBe("incident");
        var incident = result.Incidents.ShouldHaveSingleItem();
        (incident.ElementId, incident.Code).ShouldBe(("childWork", "ENGINE-0105"));
        incident.Message.ShouldContain("NOT_ELIGIBLE");
        result.Active.ShouldBe(["call", "childWork"], ignoreOrder: true);
        result.Steps().ShouldNotContain("call:cancelled");
        result.Steps().ShouldNotContain("otherEnd:completed");
    }

    [Fact]
    public async Task UncaughtErrorEndEventIsIncidentAtEndEvent()
    {
        var result = await RunAsync("{}", nameof(UncaughtErrorEndEventIsIncidentAtEndEvent));
        result.State.ShouldBe("incident");
        var incident = result.Incidents.ShouldHaveSingleItem();
        (incident.ElementId, incident.Code).ShouldBe(("fail", "ENGINE-0105"));
        incident.Message.ShouldContain("DATA_LOCKED");
        result.Active.ShouldBe(["sub", "fail"], ignoreOrder: true);
        result.Steps().ShouldNotContain("end:completed");
    }

    [Fact]
    public async Task MultiInstanceCompletionConditionNotBoolean()
    {
        var result = await RunAsync("""{"variables": {"members": ["ann", "bob"]}, "steps": [{"complete": "vote"}]}""",
            nameof(MultiInstanceCompletionConditionNotBoolean));
        result.State.ShouldBe("incident");
        var incident = result.Incidents.ShouldHaveSingleItem();
        (incident.ElementId, incident.Code).ShouldBe(("vote", "ENGINE-0103"));
        incident.Message.ShouldContain("approvals > 1");
        result.Active.ShouldBe(["vote", "vote"], "the instance whose completion failed stays, with its incident");
        result.Steps().ShouldNotContain("vote:completed");

        // Retrying the incident completes the instance again; it does not create the user task a second time.
        var store = new InMemoryEngineStore();
        var engine = new BpmnEngine(store, ScriptedActivities.Empty, new ManualClock(Start));
        await engine.DeployAsync("f.bpmn", Fixture(nameof(MultiInstanceCompletionConditionNotBoolean)));
        await engine.StartAsync("p", new Dictionary<string, object?> { ["members"] = new List<object?> { "ann", "bob" } });
        await engine.CompleteTaskAsync((await store.TasksAsync(null, default)).First(t => t.LoopCounter == 1).Id);
        var tasks = (await store.TasksAsync(null, default)).Count;
        await engine.RetryIncidentAsync((await store.IncidentsAsync(null, default)).ShouldHaveSingleItem().Id);
        (await store.IncidentsAsync(null, default)).ShouldHaveSingleItem().Code.ShouldBe("ENGINE-0103", "the condition is still not boolean");
        (await store.TasksAsync(null, default)).Count.ShouldBe(tasks);
    }

    [Fact]
    public async Task ReminderCycleThenInterruptingEscalation()
    {
        var (result, store) = await RunWithStoreAsync("""{"steps": [{"advanceClock": "P10D"}]}""", nameof(ReminderCycleThenInterruptingEscalation));
        result.State.ShouldBe("active");
        result.Active.ShouldBe(["director"]);
        var steps = result.Steps();
        steps.Count(s => s == "remind:completed").ShouldBe(3, "reminders on days 1, 2 and 3, then the escalation at 84 hours ends the cycle");
        steps.ShouldContain("review:cancelled");
        steps.IndexOf("escalate:completed").ShouldBeGreaterThan(steps.LastIndexOf("remind:completed"));
        (await store.NextJobDueAsync(default)).ShouldBeNull();
    }

    [Fact]
    public async Task SequentialMultiInstanceTimers()
    {
        var partway = await RunAsync("""{"steps": [{"advanceClock": "PT2H30M"}]}""", nameof(SequentialMultiInstanceTimers));
        partway.Steps().Count(s => s == "interval:completed").ShouldBe(2, "each instance's timer starts when that instance starts");
        partway.Active.ShouldBe(["dose", "interval"]);

        var done = await RunAsync("""{"steps": [{"advanceClock": "PT3H"}]}""", nameof(SequentialMultiInstanceTimers));
        done.State.ShouldBe("completed");
        done.Variables["givenAt"]!.AsArray().Select(v => v!.GetValue<decimal>()).ShouldBe([1m, 2m, 3m]);
    }

    [Fact]
    public async Task BoundaryTimerOnSubProcessTerminatesCalledChild()
    {
        var (result, store) = await RunWithStoreAsync("""{"steps": [{"advanceClock": "P2D"}]}""", nameof(BoundaryTimerOnSubProcessTerminatesCalledChild), "CalledChildWaits");
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "subStart:completed", "childStart:completed", "childTask:cancelled", "call:cancelled", "sub:cancelled",
            "timeout:completed", "timedOut:completed"]);
        result.Active.ShouldBeEmpty();
        (await store.TasksAsync(null, default)).ShouldBeEmpty();
        (await InstanceStatusesAsync(store)).ShouldBe([InstanceStatus.Completed, InstanceStatus.Terminated]);
    }

    [Fact]
    public async Task TerminateEndInsideMultiInstanceSubProcess()
    {
        var one = await RunAsync("""{"variables": {"sites": ["S1", "S2"]}, "steps": [{"complete": "closeOut"}]}""", nameof(TerminateEndInsideMultiInstanceSubProcess));
        one.State.ShouldBe("active");
        one.Active.ShouldBe(["site", "monitor", "closeOut"], ignoreOrder: true, "the terminate end ended only its own inner instance");
        one.Steps().Count(s => s == "monitor:cancelled").ShouldBe(1);
        one.Steps().Count(s => s == "site:completed").ShouldBe(1);

        var both = await RunAsync("""{"variables": {"sites": ["S1", "S2"]}, "steps": [{"complete": "closeOut"}, {"complete": "closeOut"}]}""",
            nameof(TerminateEndInsideMultiInstanceSubProcess));
        both.State.ShouldBe("completed");
        both.Steps().Count(s => s == "site:completed").ShouldBe(2);
        both.Steps()[^1].ShouldBe("end:completed");
        both.Variables["closed"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["S1", "S2"]);
    }

    [Fact]
    public async Task ErrorFromCalledChildCaughtOnEnclosingSubProcess()
    {
        var (result, store) = await RunWithStoreAsync("""{"services": {"check-eligibility": {"error": "NOT_ELIGIBLE"}}}""",
            nameof(ErrorFromCalledChildCaughtOnEnclosingSubProcess), "CallActivityChildThrows");
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "subStart:completed", "childStart:completed", "childWork:cancelled", "call:cancelled", "sub:cancelled",
            "anyError:completed", "failed:completed"]);
        result.Active.ShouldBeEmpty();
        (await InstanceStatusesAsync(store)).ShouldBe([InstanceStatus.Completed, InstanceStatus.Terminated]);
    }

    [Fact]
    public async Task NonInterruptingBoundaryPathKeepsProcessAlive()
    {
        var waiting = await RunAsync("""{"steps": [{"advanceClock": "PT2H"}, {"complete": "review"}]}""", nameof(NonInterruptingBoundaryPathKeepsProcessAlive));
        waiting.State.ShouldBe("active", "the path the boundary event started is still running");
        waiting.Active.ShouldBe(["chase"]);
        waiting.Steps().ShouldContain("end:completed");

        var done = await RunAsync("""{"steps": [{"advanceClock": "PT2H"}, {"complete": "review"}, {"complete": "chase"}]}""",
            nameof(NonInterruptingBoundaryPathKeepsProcessAlive));
        done.State.ShouldBe("completed");
        done.Steps()[^1].ShouldBe("chased:completed");
    }

    [Fact]
    public async Task TimerDateInPastFiresImmediately()
    {
        var result = await RunAsync("{}", nameof(TimerDateInPastFiresImmediately));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "until:completed", "end:completed"]);
    }

    [Fact]
    public async Task SequentialCompletionConditionStopsEarly()
    {
        var result = await RunAsync("""
            {"variables": {"signers": ["pi", "cti", "ec"]},
             "steps": [{"complete": "sign", "variables": {"signed": true}}, {"complete": "sign", "variables": {"signed": false}}]}
            """, nameof(SequentialCompletionConditionStopsEarly));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "sign:completed", "sign:completed", "end:completed"], "the third instance is never created");
        var signatures = result.Variables["signatures"]!.AsArray();
        signatures[0]!.GetValue<bool>().ShouldBeTrue();
        signatures[1]!.GetValue<bool>().ShouldBeFalse();
        signatures[2].ShouldBeNull();
    }

    [Fact]
    public async Task MultiInstanceCallActivityCollectsChildResults()
    {
        var result = await RunAsync("""{"variables": {"sites": ["a", "b", "c"]}}""", nameof(MultiInstanceCallActivityCollectsChildResults), "CalledChildEchoes");
        result.State.ShouldBe("completed");
        result.Steps().Count(s => s == "call:completed").ShouldBe(3);
        result.Variables["codes"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["A", "B", "C"]);
        result.Variables.ContainsKey("code").ShouldBeFalse();
        result.Variables.ContainsKey("site").ShouldBeFalse();
    }

    [Fact]
    public async Task NonInterruptingMessageBoundaryTakesBufferedMessages()
    {
        var result = await RunAsync("""
            {"variables": {"caseId": "C-4"},
             "steps": [{"message": "query", "correlationKey": "C-4"}, {"message": "query", "correlationKey": "C-4"}, {"complete": "prepare"}]}
            """, nameof(NonInterruptingMessageBoundaryTakesBufferedMessages));
        result.State.ShouldBe("active");
        result.Steps().Count(s => s == "queryRaised:completed").ShouldBe(2, "both messages buffered before the task started reach its non-interrupting boundary");
        result.Active.ShouldBe(["review", "answer", "answer"], ignoreOrder: true);
    }

    [Fact]
    public async Task BufferedMessageInterruptsTaskOnArrival()
    {
        var (result, store) = await RunWithStoreAsync("""
            {"variables": {"caseId": "C-5"}, "steps": [{"message": "withdrawal", "correlationKey": "C-5"}, {"complete": "prepare"}]}
            """, nameof(BufferedMessageInterruptsTaskOnArrival));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "prepare:completed", "review:cancelled", "withdrawn:completed", "closed:completed"]);
        (await store.TasksAsync(null, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ErrorFromChildOfMultiInstanceCallCaughtOnBody()
    {
        var (result, store) = await RunWithStoreAsync("""
            {"variables": {"subjects": ["S-1", "S-2"]}, "services": {"check-eligibility": {"error": "NOT_ELIGIBLE"}}}
            """, nameof(ErrorFromChildOfMultiInstanceCallCaughtOnBody), "CallActivityChildThrows");
        result.State.ShouldBe("completed");
        result.Steps().Count(s => s == "call:cancelled").ShouldBe(2, "the boundary on the multi-instance body cancels every inner call");
        result.Steps()[^2..].ShouldBe(["notEligible:completed", "screenFail:completed"]);
        result.Active.ShouldBeEmpty();
        (await InstanceStatusesAsync(store)).ShouldBe([InstanceStatus.Completed, InstanceStatus.Terminated, InstanceStatus.Terminated]);
    }

    [Fact]
    public async Task MessagePerInnerInstanceByKey()
    {
        var result = await RunAsync("""
            {"variables": {"orders": ["A", "B", "C"]},
             "steps": [{"message": "confirmed", "correlationKey": "B", "variables": {"status": "ok-B"}},
                       {"message": "confirmed", "correlationKey": "A", "variables": {"status": "ok-A"}},
                       {"message": "confirmed", "correlationKey": "C", "variables": {"status": "ok-C"}}]}
            """, nameof(MessagePerInnerInstanceByKey));
        result.State.ShouldBe("completed");
        result.Variables["statuses"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["ok-A", "ok-B", "ok-C"], "each message reached the inner instance of its key");
        result.Variables.ContainsKey("status").ShouldBeFalse();
    }

    [Fact]
    public async Task SequentialMultiInstanceInterruptedByTimer()
    {
        var result = await RunAsync("""
            {"variables": {"members": ["ann", "bob", "cai"]}, "steps": [{"complete": "vote"}, {"advanceClock": "P7D"}]}
            """, nameof(SequentialMultiInstanceInterruptedByTimer));
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "vote:completed", "vote:cancelled", "deadline:completed", "expired:completed"],
            "the third instance was never created");
    }

    [Fact]
    public async Task ExclusiveMergeAfterForkPassesEachToken()
    {
        var result = await RunAsync("{}", nameof(ExclusiveMergeAfterForkPassesEachToken));
        result.State.ShouldBe("completed");
        result.Steps().Count(s => s == "merge:completed").ShouldBe(2, "an exclusive gateway does not synchronise");
        result.Steps().Count(s => s == "after:completed").ShouldBe(2);
        result.Steps().Count(s => s == "end:completed").ShouldBe(2);
    }

    [Fact]
    public async Task CallActivityFeelProcessId()
    {
        var result = await RunAsync("""{"variables": {"childProcess": "child"}, "services": {"compute": {"outputs": {"result": 7}}}}""",
            nameof(CallActivityFeelProcessId), "CallActivityChild");
        result.State.ShouldBe("completed");
        result.Steps().ShouldContain("childWork:completed");
        result.Variables["result"]!.GetValue<decimal>().ShouldBe(7m);
    }

    [Fact]
    public async Task NonInterruptingCycleFromFeel()
    {
        var result = await RunAsync("""{"variables": {"reminders": 2, "everyHours": 12}, "steps": [{"advanceClock": "P3D"}]}""",
            nameof(NonInterruptingCycleFromFeel));
        result.Active.ShouldBe(["review"]);
        result.Steps().Count(s => s == "remind:completed").ShouldBe(2, "R2/PT12H fires twice");
    }

    [Fact]
    public async Task ReceiveTaskKeyFromInputMapping()
    {
        (await RunAsync("""{"variables": {"sample": {"site": "HZ", "number": "007"}}, "steps": [{"message": "lab-result", "correlationKey": "HZ-008"}]}""",
            nameof(ReceiveTaskKeyFromInputMapping))).Active.ShouldBe(["result"]);
        (await RunAsync("""{"variables": {"sample": {"site": "HZ", "number": "007"}}, "steps": [{"message": "lab-result", "correlationKey": "HZ-007"}]}""",
            nameof(ReceiveTaskKeyFromInputMapping))).State.ShouldBe("completed");
    }

    [Fact]
    public async Task BoundaryTimerUsesActivityInput()
    {
        (await RunAsync("""{"variables": {"slaDays": 2}, "steps": [{"advanceClock": "P1D"}]}""", nameof(BoundaryTimerUsesActivityInput))).Active.ShouldBe(["review"]);
        var late = await RunAsync("""{"variables": {"slaDays": 2}, "steps": [{"advanceClock": "P2D"}]}""", nameof(BoundaryTimerUsesActivityInput));
        late.State.ShouldBe("completed");
        late.Steps().ShouldBe(["start:completed", "review:cancelled", "late:completed", "escalated:completed"]);
    }

    [Fact]
    public async Task TimerExpressionInvalidIsIncident()
    {
        var result = await RunAsync("""{"variables": {"waitTime": "soon"}}""", nameof(TimerExpressionInvalidIsIncident));
        result.State.ShouldBe("incident");
        var incident = result.Incidents.ShouldHaveSingleItem();
        (incident.ElementId, incident.Code).ShouldBe(("wait", "ENGINE-0108"));
        incident.Message.ShouldContain("soon");
        result.Active.ShouldBe(["wait"]);
    }

    [Fact]
    public async Task CorrelationKeyNullIsIncident()
    {
        var result = await RunAsync("{}", nameof(CorrelationKeyNullIsIncident));
        result.State.ShouldBe("incident");
        var incident = result.Incidents.ShouldHaveSingleItem();
        (incident.ElementId, incident.Code).ShouldBe(("result", "ENGINE-0110"));
        incident.Message.ShouldContain("orderId");
    }

    [Fact]
    public async Task TerminateEndInCalledChildCompletesCall()
    {
        var (result, store) = await RunWithStoreAsync("{}", nameof(TerminateEndInCalledChildCompletesCall), "CalledChildTerminates");
        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "childStart:completed", "childFork:completed", "childTask:cancelled", "stop:completed", "call:completed",
            "after:completed", "end:completed"]);
        (await InstanceStatusesAsync(store)).ShouldBe([InstanceStatus.Completed, InstanceStatus.Completed], "a terminate end event completes its own process");
    }
}

public sealed class CombinationConformanceTests_InMemory : CombinationConformanceTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync()
    {
        var store = new InMemoryEngineStore();
        return Task.FromResult<(Func<IEngineStore>, IAsyncDisposable)>((() => store, new NoCleanup()));
    }
}

public sealed class CombinationConformanceTests_Sqlite : CombinationConformanceTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.SqliteAsync();
}

public sealed class CombinationConformanceTests_Postgres : CombinationConformanceTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.PostgresAsync();
}
