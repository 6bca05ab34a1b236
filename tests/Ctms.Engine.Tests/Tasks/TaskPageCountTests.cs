using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Tasks;

namespace Ctms.Engine.Tests.Tasks;

/// <summary>
/// A page's total is counted up to <see cref="TaskQuery.CountLimit"/> (or the page's end) and says "more than" past it;
/// both stores share <see cref="TaskQueries.PageAsync"/>, run here over objects.
/// </summary>
public sealed class TaskPageCountTests
{
    private static readonly IQueryable<UserTaskState> Tasks = Enumerable.Range(0, 1200)
        .Select(i => new UserTaskState { Id = Guid.NewGuid(), Assignee = "ann", CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(i) })
        .ToList().AsQueryable();

    private static Task<TaskPage> PageAsync(TaskQuery query) =>
        Tasks.PageAsync(query, nullsSortLast: false, keysFirst: false, q => Task.FromResult(q.ToList()), q => Task.FromResult(q.Count()));

    [Fact]
    public async Task Past_the_count_limit_the_total_says_more_than()
    {
        var first = await PageAsync(TaskQuery.AssignedTo("ann"));

        (first.Items.Count, first.Total, first.TotalIsExact, first.HasMore).ShouldBe((50, TaskQuery.CountLimit, false, true));
    }

    [Fact]
    public async Task A_page_near_the_end_counts_to_its_end_and_the_last_page_knows_the_total()
    {
        var deep = await PageAsync(TaskQuery.AssignedTo("ann") with { Offset = 1100, Limit = 50 });
        var last = await PageAsync(TaskQuery.AssignedTo("ann") with { Offset = 1180, Limit = 50 });
        var beyond = await PageAsync(TaskQuery.AssignedTo("ann") with { Offset = 1300 });

        (deep.Total, deep.TotalIsExact, deep.HasMore).ShouldBe((1150, false, true));
        (last.Items.Count, last.Total, last.TotalIsExact, last.HasMore).ShouldBe((20, 1200, true, false));
        (beyond.Items.Count, beyond.Total, beyond.TotalIsExact).ShouldBe((0, 1200, true));
    }

    [Fact]
    public async Task Below_the_count_limit_the_total_is_exact()
    {
        var page = await PageAsync(TaskQuery.AssignedTo("bob"));

        (page.Items.Count, page.Total, page.TotalIsExact, page.HasMore).ShouldBe((0, 0, true, false));
    }
}
