using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Store;

namespace Ctms.Engine.Tests.Tasks;

/// <summary>
/// Two commands that change the same task: the task's revision lets only the first save win. Persisted stores only:
/// in memory, commands run one at a time over the same objects. Uses the fixture of <see cref="TaskServiceTests"/>.
/// </summary>
public abstract class TaskConcurrencyTests() : TaskSuite(nameof(TaskServiceTests))
{
    [Fact]
    public async Task Of_two_claims_read_before_either_saved_only_the_first_wins()
    {
        var round = await Engine.StartAsync("review-round");
        var id = (await TaskAsync(round.Id, "sign")).Id;
        var first = Stores();
        var second = Stores();
        var mine = (await first.TaskAsync(id, default))!;
        var theirs = (await second.TaskAsync(id, default))!;

        mine.Assignee = "ann";
        await first.SaveTaskAsync(mine, default);
        theirs.Assignee = "carl";
        await second.SaveTaskAsync(theirs, default);
        await first.CommitAsync(default);

        (await RefusalAsync(() => second.CommitAsync(default))).ShouldBe(EngineException.Conflict);
        (await TaskAsync(round.Id, "sign")).Assignee.ShouldBe("ann");
    }

    [Fact]
    public async Task Saving_a_task_read_by_another_command_before_a_claim_is_a_conflict()
    {
        var round = await Engine.StartAsync("review-round");
        var stale = await TaskAsync(round.Id, "sign");
        await Tasks.ClaimAsync(stale.Id, "ann", []);

        stale.Assignee = "carl";
        var store = Stores();
        await store.SaveTaskAsync(stale, default);

        (await RefusalAsync(() => store.CommitAsync(default))).ShouldBe(EngineException.Conflict);
        (await TaskAsync(round.Id, "sign")).Assignee.ShouldBe("ann");
    }
}

public sealed class TaskConcurrencyTests_Sqlite : TaskConcurrencyTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.SqliteAsync();
}

public sealed class TaskConcurrencyTests_Postgres : TaskConcurrencyTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.PostgresAsync();
}
