using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Runtime.Tasks;
using Ctms.Engine.Tests.Conformance;

namespace Ctms.Engine.Tests.Tasks;

/// <summary>
/// Claim, give back, delegate and complete, with who may do each. The fixture offers four tasks at once: "review" to
/// the groups reviewers and chairs, "sign" to the users ann and carl, "file" to everyone, "approve" assigned to bob.
/// </summary>
public abstract class TaskServiceTests() : TaskSuite(nameof(TaskServiceTests))
{
    private static readonly string[] NoGroups = [];

    private Task<ProcessInstanceState> StartRoundAsync() => Engine.StartAsync("review-round");

    [Fact]
    public async Task A_member_of_a_candidate_group_claims_an_unassigned_task()
    {
        var round = await StartRoundAsync();
        var review = await TaskAsync(round.Id, "review");

        var claimed = await Tasks.ClaimAsync(review.Id, "rita", ["nurses", "reviewers"]);

        claimed.Assignee.ShouldBe("rita");
        (await TaskAsync(round.Id, "review")).Assignee.ShouldBe("rita");
        (await HistoryAsync(round.Id, "review")).ShouldBe(["started", "claimed by rita"]);
    }

    [Fact]
    public async Task A_candidate_user_claims_an_unassigned_task_without_any_group()
    {
        var round = await StartRoundAsync();
        var sign = await TaskAsync(round.Id, "sign");

        await Tasks.ClaimAsync(sign.Id, "carl", NoGroups);

        (await TaskAsync(round.Id, "sign")).Assignee.ShouldBe("carl");
    }

    [Fact]
    public async Task A_task_without_candidates_can_be_claimed_by_anyone()
    {
        var round = await StartRoundAsync();
        var file = await TaskAsync(round.Id, "file");

        await Tasks.ClaimAsync(file.Id, "zoe", NoGroups);

        (await TaskAsync(round.Id, "file")).Assignee.ShouldBe("zoe");
    }

    [Fact]
    public async Task A_user_who_is_not_a_candidate_is_forbidden_to_claim()
    {
        var round = await StartRoundAsync();
        var review = await TaskAsync(round.Id, "review");
        var sign = await TaskAsync(round.Id, "sign");

        (await RefusalAsync(() => Tasks.ClaimAsync(review.Id, "dave", ["finance"]))).ShouldBe(EngineException.Forbidden);
        (await RefusalAsync(() => Tasks.ClaimAsync(sign.Id, "dave", ["reviewers"]))).ShouldBe(EngineException.Forbidden);

        (await TaskAsync(round.Id, "review")).Assignee.ShouldBeNull();
        (await TaskAsync(round.Id, "sign")).Assignee.ShouldBeNull();
        (await HistoryAsync(round.Id, "review")).ShouldBe(["started"]);
    }

    [Fact]
    public async Task Claiming_a_task_another_candidate_holds_is_a_conflict_and_claiming_one_own_task_again_changes_nothing()
    {
        var round = await StartRoundAsync();
        var sign = await TaskAsync(round.Id, "sign");
        await Tasks.ClaimAsync(sign.Id, "ann", NoGroups);

        (await RefusalAsync(() => Tasks.ClaimAsync(sign.Id, "carl", NoGroups))).ShouldBe(EngineException.Conflict);
        await Tasks.ClaimAsync(sign.Id, "ann", NoGroups);

        (await TaskAsync(round.Id, "sign")).Assignee.ShouldBe("ann");
        (await HistoryAsync(round.Id, "sign")).ShouldBe(["started", "claimed by ann"]);
    }

    [Fact]
    public async Task Acting_on_a_task_that_is_not_open_is_not_found()
    {
        var missing = Guid.NewGuid();

        (await RefusalAsync(() => Tasks.ClaimAsync(missing, "ann", NoGroups))).ShouldBe(EngineException.NotFound);
        (await RefusalAsync(() => Tasks.UnclaimAsync(missing, "ann"))).ShouldBe(EngineException.NotFound);
        (await RefusalAsync(() => Tasks.DelegateAsync(missing, "ann", "bob"))).ShouldBe(EngineException.NotFound);
        (await RefusalAsync(() => Tasks.CompleteAsync(missing, "ann", NoGroups))).ShouldBe(EngineException.NotFound);
    }

    [Fact]
    public async Task The_assignee_gives_a_task_back_and_another_candidate_claims_it()
    {
        var round = await StartRoundAsync();
        var sign = await TaskAsync(round.Id, "sign");
        await Tasks.ClaimAsync(sign.Id, "ann", NoGroups);

        var returned = await Tasks.UnclaimAsync(sign.Id, "ann");
        returned.Assignee.ShouldBeNull();
        (await TaskAsync(round.Id, "sign")).Assignee.ShouldBeNull();

        await Tasks.ClaimAsync(sign.Id, "carl", NoGroups);
        (await TaskAsync(round.Id, "sign")).Assignee.ShouldBe("carl");
        (await HistoryAsync(round.Id, "sign")).ShouldBe(["started", "claimed by ann", "unclaimed by ann", "claimed by carl"]);
    }

    [Fact]
    public async Task Only_the_assignee_gives_a_task_back()
    {
        var round = await StartRoundAsync();
        var approve = await TaskAsync(round.Id, "approve");
        var review = await TaskAsync(round.Id, "review");

        (await RefusalAsync(() => Tasks.UnclaimAsync(approve.Id, "carl"))).ShouldBe(EngineException.Forbidden);
        (await RefusalAsync(() => Tasks.UnclaimAsync(review.Id, "rita"))).ShouldBe(EngineException.Conflict);

        (await TaskAsync(round.Id, "approve")).Assignee.ShouldBe("bob");
    }

    [Fact]
    public async Task The_assignee_delegates_a_task_and_the_delegate_completes_it()
    {
        var round = await StartRoundAsync();
        var approve = await TaskAsync(round.Id, "approve");

        await Tasks.DelegateAsync(approve.Id, "bob", "eve");

        var delegated = await TaskAsync(round.Id, "approve");
        delegated.Assignee.ShouldBe("eve");
        delegated.DelegatedBy.ShouldBe("bob");
        var @event = (await Stores().HistoryAsync(round.Id, default)).Single(h => h.Event == TaskHistoryEvents.Delegated);
        (@event.ElementId, @event.ElementType, @event.UserId, @event.Detail).ShouldBe(("approve", "userTask", "bob", "eve"));

        (await RefusalAsync(() => Tasks.CompleteAsync(approve.Id, "bob", ["finance"]))).ShouldBe(EngineException.Forbidden);
        await Tasks.CompleteAsync(approve.Id, "eve", NoGroups);

        (await OpenTasksAsync(round.Id)).Select(t => t.ElementId).ShouldNotContain("approve");
        (await HistoryAsync(round.Id, "approve")).ShouldBe(["started", "delegated by bob", "completed by eve"]);
    }

    [Fact]
    public async Task Only_the_assignee_delegates_and_not_to_themselves()
    {
        var round = await StartRoundAsync();
        var approve = await TaskAsync(round.Id, "approve");
        var review = await TaskAsync(round.Id, "review");

        (await RefusalAsync(() => Tasks.DelegateAsync(approve.Id, "carl", "eve"))).ShouldBe(EngineException.Forbidden);
        (await RefusalAsync(() => Tasks.DelegateAsync(review.Id, "rita", "eve"))).ShouldBe(EngineException.Conflict);
        (await RefusalAsync(() => Tasks.DelegateAsync(approve.Id, "bob", "bob"))).ShouldBe(EngineException.Invalid);
        (await RefusalAsync(() => Tasks.DelegateAsync(approve.Id, "bob", " "))).ShouldBe(EngineException.Invalid);

        (await TaskAsync(round.Id, "approve")).Assignee.ShouldBe("bob");
    }

    [Fact]
    public async Task The_assignee_completes_a_task_with_variables_and_the_process_runs_on()
    {
        var round = await StartRoundAsync();
        var approve = await TaskAsync(round.Id, "approve");

        await Tasks.CompleteAsync(approve.Id, "bob", NoGroups, new Dictionary<string, object?> { ["budget"] = 1200m });

        (await OpenTasksAsync(round.Id)).Select(t => t.ElementId).Order().ShouldBe(["file", "review", "sign"]);
        (await HistoryAsync(round.Id, "approve")).ShouldBe(["started", "completed by bob"]);
        (await Stores().InstanceAsync(round.Id, default))!.Root.Variables["budget"].ShouldBe(1200m);

        await Tasks.CompleteAsync((await TaskAsync(round.Id, "review")).Id, "rita", ["reviewers"]);
        await Tasks.CompleteAsync((await TaskAsync(round.Id, "sign")).Id, "ann", NoGroups);
        await Tasks.CompleteAsync((await TaskAsync(round.Id, "file")).Id, "zoe", NoGroups);
        (await Stores().InstanceAsync(round.Id, default))!.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_candidate_completes_an_unassigned_task_by_claiming_it_first()
    {
        var round = await StartRoundAsync();
        var review = await TaskAsync(round.Id, "review");

        await Tasks.CompleteAsync(review.Id, "rita", ["chairs"], new Dictionary<string, object?> { ["verdict"] = "approve" });

        (await OpenTasksAsync(round.Id)).Select(t => t.ElementId).ShouldNotContain("review");
        (await HistoryAsync(round.Id, "review")).ShouldBe(["started", "claimed by rita", "completed by rita"]);
    }

    [Fact]
    public async Task Completing_a_task_someone_else_holds_or_that_one_is_not_offered_is_forbidden()
    {
        var round = await StartRoundAsync();
        var approve = await TaskAsync(round.Id, "approve");
        var review = await TaskAsync(round.Id, "review");

        (await RefusalAsync(() => Tasks.CompleteAsync(approve.Id, "carl", ["finance"]))).ShouldBe(EngineException.Forbidden);
        (await RefusalAsync(() => Tasks.CompleteAsync(review.Id, "dave", ["finance"]))).ShouldBe(EngineException.Forbidden);

        (await TaskAsync(round.Id, "approve")).Assignee.ShouldBe("bob");
        (await TaskAsync(round.Id, "review")).Assignee.ShouldBeNull();
        (await HistoryAsync(round.Id, "review")).ShouldBe(["started"]);
    }

    [Fact]
    public async Task Saving_a_task_completed_since_it_was_read_is_a_conflict_and_does_not_bring_it_back()
    {
        var round = await StartRoundAsync();
        var stale = await TaskAsync(round.Id, "file");
        await Tasks.CompleteAsync(stale.Id, "zoe", NoGroups);

        stale.Assignee = "carl";
        var store = Stores();
        (await RefusalAsync(async () =>
        {
            await store.SaveTaskAsync(stale, default);
            await store.CommitAsync(default);
        })).ShouldBe(EngineException.Conflict);

        (await OpenTasksAsync(round.Id)).Select(t => t.ElementId).ShouldNotContain("file");
    }

    [Fact]
    public async Task An_operation_without_a_user_is_invalid()
    {
        var round = await StartRoundAsync();
        var file = await TaskAsync(round.Id, "file");

        (await RefusalAsync(() => Tasks.ClaimAsync(file.Id, "", NoGroups))).ShouldBe(EngineException.Invalid);
        (await RefusalAsync(() => Tasks.CompleteAsync(file.Id, " ", NoGroups))).ShouldBe(EngineException.Invalid);
    }
}

public sealed class TaskServiceTests_InMemory : TaskServiceTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync()
    {
        var store = new InMemoryEngineStore();
        return Task.FromResult<(Func<IEngineStore>, IAsyncDisposable)>((() => store, new NoCleanup()));
    }
}

public sealed class TaskServiceTests_Sqlite : TaskServiceTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.SqliteAsync();
}

public sealed class TaskServiceTests_Postgres : TaskServiceTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.PostgresAsync();
}
