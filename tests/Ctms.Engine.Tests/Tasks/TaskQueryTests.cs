using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Runtime.Tasks;
using Ctms.Engine.Tests.Conformance;

namespace Ctms.Engine.Tests.Tasks;

/// <summary>
/// The inbox: "mine", "my groups' tasks", the filters, the orders, paging with a total. Each instance of the fixture's
/// "work" process is one task ("check") whose assignment, due date and priority come from its start variables.
/// </summary>
public abstract class TaskQueryTests() : TaskSuite(nameof(TaskQueryTests))
{
    private static readonly string[] NoGroups = [];

    /// <summary>Starts one "work" instance, a minute after the previous one, and returns its task.</summary>
    private async Task<UserTaskState> WorkAsync(string? assignee = null, string groups = "", string users = "", string? due = null, int priority = 50)
    {
        var instance = await Engine.StartAsync("work", new Dictionary<string, object?>
        {
            ["assignee"] = assignee,
            ["groups"] = groups,
            ["users"] = users,
            ["due"] = due,
            ["priority"] = (decimal)priority,
        });
        Clock.Advance(TimeSpan.FromMinutes(1));
        return await TaskAsync(instance.Id, "check");
    }

    private async Task<List<Guid>> IdsAsync(TaskQuery query) => [.. (await Tasks.QueryAsync(query)).Items.Select(t => t.Id)];

    [Fact]
    public async Task Mine_lists_the_tasks_assigned_to_the_user_and_nothing_merely_offered()
    {
        var first = await WorkAsync(assignee: "ann", due: "2026-03-05T17:00:00Z");
        var second = await WorkAsync(assignee: "ann", groups: "pi", due: "2026-03-06T17:00:00Z");
        await WorkAsync(assignee: "bob");
        await WorkAsync(users: "ann");
        await WorkAsync(groups: "pi");

        var page = await Tasks.QueryAsync(TaskQuery.AssignedTo("ann"));

        page.Items.Select(t => t.Id).ShouldBe([first.Id, second.Id]);
        page.Total.ShouldBe(2);
        page.HasMore.ShouldBeFalse();
    }

    [Fact]
    public async Task My_groups_tasks_are_the_unassigned_ones_offered_to_one_of_my_groups_or_to_me_by_name()
    {
        var toPi = await WorkAsync(groups: "pi");
        var toCrcAndPi = await WorkAsync(groups: "crc, pi");
        var toAnn = await WorkAsync(users: "carl, ann");
        await WorkAsync(assignee: "bob", groups: "pi");
        await WorkAsync(groups: "finance");
        var toCarl = await WorkAsync(users: "carl");
        await WorkAsync();

        (await IdsAsync(TaskQuery.OfferedTo("ann", ["pi", "nurses"]) with { Sort = TaskSort.Created })).ShouldBe([toPi.Id, toCrcAndPi.Id, toAnn.Id]);
        (await IdsAsync(TaskQuery.OfferedTo("carl", NoGroups) with { Sort = TaskSort.Created })).ShouldBe([toAnn.Id, toCarl.Id]);
        (await IdsAsync(TaskQuery.OfferedTo("zed", ["crc"]))).ShouldBe([toCrcAndPi.Id]);
        (await IdsAsync(new TaskQuery { CandidateGroups = ["pi"], Sort = TaskSort.Created })).ShouldBe([toPi.Id, toCrcAndPi.Id]);
        (await Tasks.QueryAsync(TaskQuery.OfferedTo("zed", ["radiology"]))).Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_claimed_task_moves_from_my_groups_tasks_to_mine_and_a_completed_one_leaves_the_inbox()
    {
        var task = await WorkAsync(groups: "pi");
        var other = await WorkAsync(groups: "pi");

        await Tasks.ClaimAsync(task.Id, "ann", ["pi"]);
        (await IdsAsync(TaskQuery.OfferedTo("ann", ["pi"]))).ShouldBe([other.Id]);
        (await IdsAsync(TaskQuery.AssignedTo("ann"))).ShouldBe([task.Id]);

        await Tasks.CompleteAsync(task.Id, "ann", ["pi"]);
        await Tasks.CompleteAsync(other.Id, "ann", ["pi"]);

        (await Tasks.QueryAsync(TaskQuery.AssignedTo("ann"))).Total.ShouldBe(0);
        (await Tasks.QueryAsync(TaskQuery.OfferedTo("ann", ["pi"]))).Total.ShouldBe(0);
        (await Tasks.QueryAsync(new TaskQuery())).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Filters_by_process_element_and_instance()
    {
        var work = await WorkAsync(groups: "auditors");
        var audit = await Engine.StartAsync("audit");
        var verify = await TaskAsync(audit.Id, "verify");
        var auditors = TaskQuery.OfferedTo("ann", ["auditors"]) with { Sort = TaskSort.Created };

        (await IdsAsync(auditors)).ShouldBe([work.Id, verify.Id]);
        (await IdsAsync(auditors with { ProcessId = "audit" })).ShouldBe([verify.Id]);
        (await IdsAsync(auditors with { ElementId = "check" })).ShouldBe([work.Id]);
        (await IdsAsync(auditors with { InstanceId = audit.Id })).ShouldBe([verify.Id]);
        (await IdsAsync(auditors with { ProcessId = "audit", ElementId = "check" })).ShouldBeEmpty();
    }

    [Fact]
    public async Task Filters_by_business_key_exactly_and_together_with_mine_or_offered()
    {
        async Task<UserTaskState> InProjectAsync(string? key, Dictionary<string, object?> variables)
        {
            var instance = await Engine.StartAsync("work", variables, businessKey: key);
            Clock.Advance(TimeSpan.FromMinutes(1));
            return await TaskAsync(instance.Id, "check");
        }
        Dictionary<string, object?> Offered() => new() { ["groups"] = "pi", ["priority"] = 50m };
        var first = await InProjectAsync("CT-2026-001", Offered());
        var second = await InProjectAsync("CT-2026-001", Offered());
        await InProjectAsync("CT-2026-002", Offered());
        await InProjectAsync(null, Offered());
        var annInFirst = await InProjectAsync("CT-2026-001", new() { ["assignee"] = "ann", ["priority"] = 50m });

        (await IdsAsync(TaskQuery.OfferedTo("ann", ["pi"]) with { BusinessKey = "CT-2026-001", Sort = TaskSort.Created })).ShouldBe([first.Id, second.Id]);
        (await IdsAsync(TaskQuery.AssignedTo("ann") with { BusinessKey = "CT-2026-001" })).ShouldBe([annInFirst.Id]);
        (await IdsAsync(TaskQuery.AssignedTo("ann") with { BusinessKey = "CT-2026-002" })).ShouldBeEmpty();
        // Exact, not a prefix or a substring: a project's key names one project.
        (await IdsAsync(TaskQuery.OfferedTo("ann", ["pi"]) with { BusinessKey = "CT-2026" })).ShouldBeEmpty();
        (await Tasks.QueryAsync(new TaskQuery { BusinessKey = "CT-2026-001" })).Total.ShouldBe(3);
    }

    [Fact]
    public async Task Filters_by_due_date_strictly_before_and_after_leaving_out_tasks_without_one()
    {
        var early = await WorkAsync(assignee: "ann", due: "2026-03-05T17:00:00Z");
        var middle = await WorkAsync(assignee: "ann", due: "2026-03-08T09:00:00Z");
        var late = await WorkAsync(assignee: "ann", due: "2026-03-12T12:00:00Z");
        await WorkAsync(assignee: "ann");
        var mine = TaskQuery.AssignedTo("ann");

        (await IdsAsync(mine with { DueBefore = new DateTimeOffset(2026, 3, 8, 9, 0, 0, TimeSpan.Zero) })).ShouldBe([early.Id]);
        (await IdsAsync(mine with { DueAfter = new DateTimeOffset(2026, 3, 8, 9, 0, 0, TimeSpan.Zero) })).ShouldBe([late.Id]);
        (await IdsAsync(mine with { DueAfter = new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.Zero), DueBefore = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero) }))
            .ShouldBe([middle.Id]);
        // The same instant at another offset: 17:00 in Shanghai is 09:00 UTC.
        (await IdsAsync(mine with { DueBefore = new DateTimeOffset(2026, 3, 8, 17, 0, 1, TimeSpan.FromHours(8)) })).ShouldBe([early.Id, middle.Id]);
    }

    [Fact]
    public async Task Filters_by_text_in_the_name_ignoring_case_and_taking_wildcards_literally()
    {
        var work = await WorkAsync(groups: "auditors");
        var verify = await TaskAsync((await Engine.StartAsync("audit")).Id, "verify");
        var all = new TaskQuery { Sort = TaskSort.Created };

        (await IdsAsync(all with { NameContains = "CHECK the" })).ShouldBe([work.Id]);
        (await IdsAsync(all with { NameContains = "samples" })).ShouldBe([verify.Id]);
        (await IdsAsync(all with { NameContains = "100%" })).ShouldBe([verify.Id]);
        (await IdsAsync(all with { NameContains = "of_the" })).ShouldBe([verify.Id]);
        (await IdsAsync(all with { NameContains = "e%s" })).ShouldBeEmpty();
        (await IdsAsync(all with { NameContains = "k_t" })).ShouldBeEmpty();
        (await IdsAsync(all with { NameContains = "the" })).ShouldBe([work.Id, verify.Id]);
    }

    [Fact]
    public async Task Sorting_by_due_date_puts_the_earliest_first_and_tasks_without_a_due_date_last()
    {
        var none = await WorkAsync(groups: "pi");
        var late = await WorkAsync(groups: "pi", due: "2026-03-12T12:00:00Z");
        var early = await WorkAsync(groups: "pi", due: "2026-03-05T17:00:00Z");
        var noneLater = await WorkAsync(groups: "pi");
        var middle = await WorkAsync(groups: "pi", due: "2026-03-08T09:00:00Z");

        (await IdsAsync(TaskQuery.OfferedTo("ann", ["pi"]))).ShouldBe([early.Id, middle.Id, late.Id, none.Id, noneLater.Id]);
    }

    [Fact]
    public async Task Sorting_by_priority_puts_the_highest_first_then_the_earliest_due()
    {
        var low = await WorkAsync(assignee: "ann", priority: 20, due: "2026-03-05T17:00:00Z");
        var highLate = await WorkAsync(assignee: "ann", priority: 90, due: "2026-03-12T12:00:00Z");
        var normal = await WorkAsync(assignee: "ann");
        var highUndated = await WorkAsync(assignee: "ann", priority: 90);
        var highEarly = await WorkAsync(assignee: "ann", priority: 90, due: "2026-03-08T09:00:00Z");

        (await IdsAsync(TaskQuery.AssignedTo("ann") with { Sort = TaskSort.Priority }))
            .ShouldBe([highEarly.Id, highLate.Id, highUndated.Id, normal.Id, low.Id]);
    }

    [Fact]
    public async Task Sorting_by_creation_puts_the_oldest_first()
    {
        var first = await WorkAsync(assignee: "ann", due: "2026-03-12T12:00:00Z");
        var second = await WorkAsync(assignee: "ann");
        var third = await WorkAsync(assignee: "ann", due: "2026-03-05T17:00:00Z");

        (await IdsAsync(TaskQuery.AssignedTo("ann") with { Sort = TaskSort.Created })).ShouldBe([first.Id, second.Id, third.Id]);
    }

    [Fact]
    public async Task Pages_cover_every_task_once_in_order_and_each_carries_the_total()
    {
        var created = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await WorkAsync(groups: "pi", due: $"2026-03-{10 + i}T12:00:00Z")).Id);
        }
        await WorkAsync(groups: "finance");
        var query = TaskQuery.OfferedTo("ann", ["pi"]) with { Limit = 3 };

        var pages = new List<TaskPage>();
        for (var offset = 0; offset < 9; offset += 3)
        {
            pages.Add(await Tasks.QueryAsync(query with { Offset = offset }));
        }

        pages.Select(p => p.Items.Count).ShouldBe([3, 3, 1]);
        pages.ShouldAllBe(p => p.Total == 7 && p.Limit == 3);
        pages.Select(p => p.HasMore).ShouldBe([true, true, false]);
        pages.SelectMany(p => p.Items).Select(t => t.Id).ShouldBe(created);
        var beyond = await Tasks.QueryAsync(query with { Offset = 10 });
        (beyond.Items.Count, beyond.Total).ShouldBe((0, 7));
    }

    [Fact]
    public async Task A_page_is_at_most_200_tasks_and_a_query_that_cannot_be_answered_is_invalid()
    {
        await WorkAsync(groups: "pi");

        var page = await Tasks.QueryAsync(TaskQuery.OfferedTo("ann", ["pi"]) with { Limit = 5000 });
        (page.Limit, page.Items.Count).ShouldBe((TaskQuery.MaxLimit, 1));

        (await RefusalAsync(() => Tasks.QueryAsync(new TaskQuery { Limit = 0 }))).ShouldBe(EngineException.Invalid);
        (await RefusalAsync(() => Tasks.QueryAsync(new TaskQuery { Offset = -1 }))).ShouldBe(EngineException.Invalid);
        (await RefusalAsync(() => Tasks.QueryAsync(TaskQuery.OfferedTo("ann", ["pi"]) with { Assignee = "ann" }))).ShouldBe(EngineException.Invalid);
    }
}

public sealed class TaskQueryTests_InMemory : TaskQueryTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync()
    {
        var store = new InMemoryEngineStore();
        return Task.FromResult<(Func<IEngineStore>, IAsyncDisposable)>((() => store, new NoCleanup()));
    }
}

public sealed class TaskQueryTests_Sqlite : TaskQueryTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.SqliteAsync();
}

public sealed class TaskQueryTests_Postgres : TaskQueryTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.PostgresAsync();
}
