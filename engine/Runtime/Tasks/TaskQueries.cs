using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Runtime.Tasks;

/// <summary>
/// A <see cref="TaskQuery"/> as LINQ, shared by the stores so that memory and the database answer alike: EF Core
/// translates it to SQL on SQLite and PostgreSQL, and the in-memory store runs it over its objects.
/// </summary>
internal static class TaskQueries
{
    /// <summary>
    /// A page of <paramref name="tasks"/> (every open task) for <paramref name="query"/>, with its total as
    /// <see cref="TaskPage"/> defines it: counted up to <see cref="TaskQuery.CountLimit"/> (or the page's end), and not
    /// counted at all when the page ends short of its limit, since then the total is known. <paramref name="keysFirst"/>:
    /// select the page's ids, then those rows, so that a database finds the page in an index that holds the sort keys and
    /// the filtered columns (PostgreSQL's covering indexes of the inbox) and reads the table for the page's rows only.
    /// <paramref name="list"/> and <paramref name="count"/> run a query, asynchronously on a database.
    /// </summary>
    public static async Task<TaskPage> PageAsync(this IQueryable<UserTaskState> tasks, TaskQuery query, bool nullsSortLast, bool keysFirst,
        Func<IQueryable<UserTaskState>, Task<List<UserTaskState>>> list, Func<IQueryable<UserTaskState>, Task<int>> count)
    {
        query.Validate();
        var matching = tasks.Filter(query);
        var limit = query.EffectiveLimit;
        var page = matching.Sort(query.Sort, nullsSortLast).Skip(query.Offset).Take(limit);
        if (keysFirst)
        {
            var ids = page.Select(t => t.Id);
            page = tasks.Where(t => ids.Contains(t.Id)).Sort(query.Sort, nullsSortLast);
        }
        var items = await list(page);
        if (items.Count < limit && (items.Count > 0 || query.Offset == 0))
        {
            return new TaskPage(items, query.Offset + items.Count, true, query.Offset, limit);
        }
        var cap = Math.Max(TaskQuery.CountLimit, query.Offset + limit);
        var counted = await count(matching.Take(cap + 1));
        return new TaskPage(items, Math.Min(counted, cap), counted <= cap, query.Offset, limit);
    }

    public static IQueryable<UserTaskState> Filter(this IQueryable<UserTaskState> tasks, TaskQuery query)
    {
        if (query.Assignee is { } assignee)
        {
            tasks = tasks.Where(t => t.Assignee == assignee);
        }
        if (query.IsOffered)
        {
            // Both as overlaps of two lists: on PostgreSQL this is the array operator &&, which the GIN indexes serve.
            string[] users = query.CandidateUser is { } user ? [user] : [];
            string[] groups = [.. query.CandidateGroups ?? []];
            tasks = tasks.Where(t => t.Assignee == null
                                     && (t.CandidateUsers.Any(u => users.Contains(u)) || t.CandidateGroups.Any(g => groups.Contains(g))));
        }
        if (query.ProcessId is { } processId)
        {
            tasks = tasks.Where(t => t.ProcessId == processId);
        }
        if (query.ElementId is { } elementId)
        {
            tasks = tasks.Where(t => t.ElementId == elementId);
        }
        if (query.InstanceId is { } instanceId)
        {
            tasks = tasks.Where(t => t.InstanceId == instanceId);
        }
        if (query.BusinessKey is { } businessKey)
        {
            tasks = tasks.Where(t => t.BusinessKey == businessKey);
        }
        // Due dates are stored in UTC; on SQLite they compare as encoded numbers, which only order right at offset zero.
        if (query.DueBefore is { } before)
        {
            var utc = before.ToUniversalTime();
            tasks = tasks.Where(t => t.DueDate != null && t.DueDate < utc);
        }
        if (query.DueAfter is { } after)
        {
            var utc = after.ToUniversalTime();
            tasks = tasks.Where(t => t.DueDate != null && t.DueDate > utc);
        }
        if (query.NameContains is { Length: > 0 } text)
        {
            var lower = text.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): no culture to give, and no StringComparison overload translates
            tasks = tasks.Where(t => t.Name != null && t.Name.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return tasks;
    }

    /// <summary>
    /// The query's order. <paramref name="nullsSortLast"/>: the source already puts null due dates after the others in
    /// ascending order (PostgreSQL does), so a plain order by due date serves, and can read the (Assignee, DueDate) index.
    /// </summary>
    public static IQueryable<UserTaskState> Sort(this IQueryable<UserTaskState> tasks, TaskSort sort, bool nullsSortLast) => sort switch
    {
        TaskSort.Created => tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        TaskSort.Priority => ThenByDueDate(tasks.OrderByDescending(t => t.Priority), nullsSortLast).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
        _ => (nullsSortLast ? tasks.OrderBy(t => t.DueDate) : tasks.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate))
            .ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
    };

    private static IOrderedQueryable<UserTaskState> ThenByDueDate(IOrderedQueryable<UserTaskState> tasks, bool nullsSortLast) =>
        nullsSortLast ? tasks.ThenBy(t => t.DueDate) : tasks.ThenBy(t => t.DueDate == null).ThenBy(t => t.DueDate);
}
