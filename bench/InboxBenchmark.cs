using System.Globalization;
using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime.Tasks;

namespace Ctms.Bench;

/// <summary>
/// The inbox under load: 1,000,000 open user tasks (<see cref="InboxData"/>) over 10,000 users and 50 groups, bulk-loaded,
/// then the inbox's first pages for random users, each on a fresh context through <see cref="EfEngineStore.QueryTasksAsync"/>
/// (what <c>GET /api/tasks</c> runs, the total included): "my tasks", "my groups' tasks", and both, as the inbox shows them.
/// </summary>
internal static class InboxBenchmark
{
    public static async Task RunAsync(ResultTable table, bool quick, string? postgres)
    {
        var data = new InboxData(quick ? 20_000 : 1_000_000, quick ? 200 : 10_000);
        var queries = int.TryParse(Environment.GetEnvironmentVariable("CTMS_BENCH_INBOX_QUERIES"), out var q) ? q : quick ? 60 : 500;
        var label = data.TaskCount.ToString("N0", CultureInfo.InvariantCulture);
        await foreach (var db in EngineDatabase.AllAsync("inbox", postgres))
        {
            await using (db)
            {
                var loadTime = await (db.IsSqlite ? InboxLoader.SqliteAsync(db.ConnectionString, data) : InboxLoader.PostgresAsync(db.ConnectionString, data));
                table.Note($"inbox: {db.Provider} loaded {label} tasks in {loadTime.TotalSeconds:F1} s " +
                           $"({data.TaskCount / loadTime.TotalSeconds:F0} rows/s, index builds and statistics included)");
                var random = new Random(11);
                var users = Enumerable.Range(0, 4 * queries).Select(_ => random.Next(data.Users)).ToArray();
                await CheckAsync(db, data, users[0]);

                Task<TaskPage> Mine(int user) => Page(db, TaskQuery.AssignedTo(InboxData.User(user)));
                Task<TaskPage> Offered(int user) => Page(db, TaskQuery.OfferedTo(InboxData.User(user), data.UserGroups[user]));
                async Task Both(int user)
                {
                    await Mine(user);
                    await Offered(user);
                }

                // Warm-up: plans cached, pages of the indexes in memory, connections pooled. Then as many queries as fit in a
                // time budget a scenario, up to the full count: SQLite answers "offered to me" at a million tasks in seconds.
                var (_, warm, _, _) = await Latencies.MeasureAsync(2, 10, (c, i) => Both(users[^(1 + c * 10 + i)]));
                var budget = TimeSpan.FromSeconds(quick ? 2 : 60);
                var affordable = Math.Clamp((int)(budget / warm), 20, queries);
                var scenarios = new (string Name, int Clients, Func<int, Task> Query)[]
                {
                    ("my tasks", 1, Mine),
                    ("my groups' tasks", 1, Offered),
                    ("inbox: both pages", 1, Both),
                    ("inbox: both pages", 4, Both),
                };
                foreach (var (name, clients, query) in scenarios)
                {
                    var (rate, p50, p99, count) = await Latencies.MeasureAsync(clients, affordable / clients,
                        (c, i) => query(users[(c * affordable / clients + i) % users.Length]));
                    table.Add($"inbox ({label} open tasks): {name}", db.Provider, clients, rate, p50, p99, count);
                }
            }
        }
    }

    /// <summary>A benchmark that measures wrong answers measures nothing: the loaded rows must read back as the generator made them.</summary>
    private static async Task CheckAsync(EngineDatabase db, InboxData data, int user)
    {
        var name = InboxData.User(user);
        var mine = await Page(db, TaskQuery.AssignedTo(name));
        var offered = await Page(db, TaskQuery.OfferedTo(name, data.UserGroups[user]));
        if (mine.Total != data.AssignedCount[user] || mine.Items.Any(t => t.Assignee != name)
            || offered.Items.Count == 0 || offered.Items.Any(t => t.Assignee is not null || !TaskService.IsCandidate(t, name, data.UserGroups[user]))
            || mine.Items.Zip(mine.Items.Skip(1)).Any(p => (p.First.DueDate ?? DateTimeOffset.MaxValue) > (p.Second.DueDate ?? DateTimeOffset.MaxValue)))
        {
            throw new InvalidOperationException($"The inbox of {name} on {db.Provider} does not match the loaded tasks " +
                $"(mine: {mine.Total} of {data.AssignedCount[user]} expected; offered: {offered.Total}).");
        }
    }

    /// <summary>One inbox page as the API asks for it: a context of its own, the page and the total.</summary>
    private static Task<TaskPage> Page(EngineDatabase db, TaskQuery query) => db.StoreAsync(store => store.QueryTasksAsync(query, default));
}
