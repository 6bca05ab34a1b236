using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Runtime.Tasks;

namespace Ctms.Engine.Tests.Tasks;

/// <summary>
/// The database stores announce every change of an open task on the feed, with whom it concerns, once it is committed:
/// at their own commit, or, inside a caller's transaction, only when the caller says it committed; never after a rollback.
/// Uses the fixture of <see cref="TaskServiceTests"/>.
/// </summary>
public abstract class TaskChangeFeedTests() : TaskSuite(nameof(TaskServiceTests))
{
    private const string Cancelling = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="c" targetNamespace="t">
          <bpmn:process id="cancelling" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="wait" name="Wait"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="pi" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:receiveTask id="stop" messageRef="m" />
            <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:endEvent id="e" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="fork" />
            <bpmn:sequenceFlow id="f1" sourceRef="fork" targetRef="wait" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="stop" />
            <bpmn:sequenceFlow id="f3" sourceRef="stop" targetRef="kill" />
            <bpmn:sequenceFlow id="f4" sourceRef="wait" targetRef="e" />
          </bpmn:process>
          <bpmn:message id="m" name="stop"><bpmn:extensionElements><zeebe:subscription correlationKey="=&quot;k&quot;" /></bpmn:extensionElements></bpmn:message>
        </bpmn:definitions>
        """;

    protected TaskChangeFeed Feed { get; } = new();

    private static List<TaskChange> Drain(TaskChangeSubscription subscription)
    {
        var changes = new List<TaskChange>();
        while (subscription.Changes.TryRead(out var change))
        {
            changes.Add(change);
        }
        return changes;
    }

    [Fact]
    public async Task Every_change_of_a_task_is_announced_with_whom_it_concerns()
    {
        using var subscription = Feed.Subscribe();
        var round = await Engine.StartAsync("review-round", businessKey: "CT-2026-007");

        var created = Drain(subscription);
        created.Select(c => c.Kind).Distinct().ShouldBe([TaskChangeKind.Created]);
        created.Count.ShouldBe(4);
        var review = created.Single(c => c.CandidateGroups.Contains("reviewers"));
        (review.InstanceId, review.ProcessId, review.BusinessKey, review.Assignee).ShouldBe((round.Id, "review-round", "CT-2026-007", null));
        review.Concerns("zed", ["chairs"]).ShouldBeTrue();
        review.Concerns("zed", ["finance"]).ShouldBeFalse();
        created.Single(c => c.Assignee == "bob").Concerns("bob", []).ShouldBeTrue();

        await Tasks.ClaimAsync(review.TaskId, "ann", ["reviewers"]);
        await Tasks.UnclaimAsync(review.TaskId, "ann");
        var approve = created.Single(c => c.Assignee == "bob").TaskId;
        await Tasks.DelegateAsync(approve, "bob", "carl");
        var sign = created.Single(c => c.CandidateUsers.Contains("ann")).TaskId;
        await Tasks.CompleteAsync(sign, "ann", []);

        Drain(subscription).Select(c => (c.Kind, c.TaskId, c.Assignee, c.PreviousAssignee)).ShouldBe([
            (TaskChangeKind.Claimed, review.TaskId, "ann", null),
            (TaskChangeKind.Unclaimed, review.TaskId, null, "ann"),
            (TaskChangeKind.Delegated, approve, "carl", "bob"),
            (TaskChangeKind.Claimed, sign, "ann", null),
            (TaskChangeKind.Completed, sign, "ann", null),
        ]);
        // Given back, the task concerns the one who gave it back (it leaves their inbox) and its candidates.
        var unclaimed = new TaskChange(TaskChangeKind.Unclaimed, review.TaskId, round.Id, "review-round", null, null, "ann", [], ["reviewers"]);
        unclaimed.Concerns("ann", []).ShouldBeTrue();
        unclaimed.Concerns("carl", []).ShouldBeFalse();
    }

    [Fact]
    public async Task A_task_its_process_ends_is_announced_as_cancelled()
    {
        await Engine.DeployAsync("cancelling.bpmn", Cancelling);
        using var subscription = Feed.Subscribe();
        await Engine.StartAsync("cancelling");
        var task = Drain(subscription).ShouldHaveSingleItem();
        task.Kind.ShouldBe(TaskChangeKind.Created);

        await Engine.CorrelateAsync("stop", "k");

        var cancelled = Drain(subscription).ShouldHaveSingleItem();
        (cancelled.Kind, cancelled.TaskId, cancelled.CandidateGroups.Single()).ShouldBe((TaskChangeKind.Cancelled, task.TaskId, "pi"));
    }

    [Fact]
    public async Task In_a_callers_transaction_changes_are_announced_only_when_the_caller_committed_and_never_after_a_rollback()
    {
        var round = await Engine.StartAsync("review-round");
        var review = (await TaskAsync(round.Id, "review")).Id;
        using var subscription = Feed.Subscribe();

        // Rolled back: saved in the transaction, then undone; nothing is announced, the task is still offered.
        await ClaimInCallersTransactionAsync(review, subscription, commit: false);
        Drain(subscription).ShouldBeEmpty();
        (await TaskAsync(round.Id, "review")).Assignee.ShouldBeNull();

        // Committed: announced when the caller says so, not at the store's own commit inside the transaction.
        await ClaimInCallersTransactionAsync(review, subscription, commit: true);
        Drain(subscription).Select(c => (c.Kind, c.Assignee)).ShouldBe([(TaskChangeKind.Claimed, "ann")]);
    }

    /// <summary>Ann claims the task in a transaction of the caller's, which then commits (and says so) or rolls back.</summary>
    private async Task ClaimInCallersTransactionAsync(Guid taskId, TaskChangeSubscription subscription, bool commit)
    {
        var store = (EfEngineStore)Stores();
        await using (store.Context)
        {
            await using var transaction = await store.Context.Database.BeginTransactionAsync();
            await new TaskService(Engine, () => store, Clock).ClaimAsync(taskId, "ann", ["reviewers"]);
            Drain(subscription).ShouldBeEmpty();
            if (commit)
            {
                await transaction.CommitAsync();
                store.CallerCommitted();
            }
            else
            {
                await transaction.RollbackAsync();
            }
        }
    }

    [Fact]
    public async Task A_lost_race_announces_nothing_and_a_closed_subscription_receives_nothing()
    {
        var round = await Engine.StartAsync("review-round");
        var review = await TaskAsync(round.Id, "review");
        var subscription = Feed.Subscribe();
        var stale = Stores();
        var task = (await stale.TaskAsync(review.Id, default))!;
        await Tasks.ClaimAsync(review.Id, "ann", ["reviewers"]);
        Drain(subscription).Single().Kind.ShouldBe(TaskChangeKind.Claimed);

        task.Assignee = "carl";
        await stale.SaveTaskAsync(task, default);
        stale.AnnounceTaskChange(TaskChange.Of(TaskChangeKind.Claimed, task));
        (await RefusalAsync(() => stale.CommitAsync(default))).ShouldBe(EngineException.Conflict);
        Drain(subscription).ShouldBeEmpty();

        subscription.Dispose();
        Feed.SubscriberCount.ShouldBe(0);
        await Tasks.UnclaimAsync(review.Id, "ann");
        subscription.Changes.Completion.IsCompleted.ShouldBeTrue();
    }
}

public sealed class TaskChangeFeedTests_Sqlite : TaskChangeFeedTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.SqliteAsync(Feed);
}

public sealed class TaskChangeFeedTests_Postgres : TaskChangeFeedTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.PostgresAsync(Feed);
}
