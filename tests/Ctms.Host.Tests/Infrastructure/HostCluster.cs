using System.Diagnostics;
using Ctms.Host.TestActivities;
using Xunit.Abstractions;

namespace Ctms.Host.Tests.Infrastructure;

/// <summary>
/// The nodes of one test on one fresh database, with the activity's <c>load_calls</c> table made before the first
/// node starts. Disposing kills every node that still runs (also when the test failed), shows the tail of each
/// node's output in the test's output, and drops the database.
/// </summary>
public sealed class HostCluster : IAsyncDisposable
{
    private readonly List<HostProcess> _nodes = [];
    private readonly ITestOutputHelper _output;
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "ctms-host-tests", Guid.NewGuid().ToString("N"));

    private HostCluster(HostDatabase database, ITestOutputHelper output)
    {
        Database = database;
        _output = output;
    }

    public HostDatabase Database { get; }

    /// <summary>The administrator's password, set by configuration as an operator would.</summary>
    public string AdminPassword { get; } = "Adm1n!" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<HostCluster> CreateAsync(ITestOutputHelper output)
    {
        var database = await HostDatabase.CreateAsync();
        await database.ExecuteAsync(LoadCountActivity.CreateTables);
        return new HostCluster(database, output);
    }

    /// <summary>Starts a node and signs in to it.</summary>
    public async Task<(HostProcess Node, HostClient Client)> StartNodeAsync(string name)
    {
        var clock = Stopwatch.StartNew();
        var node = await HostProcess.StartAsync(name, Database.ConnectionString, AdminPassword, Path.Combine(_dataPath, name));
        _nodes.Add(node);
        Log($"node {name} answered after {clock.Elapsed.TotalSeconds:F1} s");
        return (node, await HostClient.SignInAsync(node, AdminPassword));
    }

    /// <summary>Starts <paramref name="count"/> instances through the given nodes in turn, a few requests at a time.</summary>
    public async Task StartInstancesAsync(IReadOnlyList<HostClient> clients, string processId, int count)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => await clients[i % clients.Count].StartAsync(processId));
        Log($"{count} instances of {processId} started in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Polls the database until <paramref name="done"/> holds; fails with <paramref name="what"/> and the state after the timeout.</summary>
    public async Task<TimeSpan> WaitUntilAsync(string what, Func<Task<bool>> done, TimeSpan timeout, Func<Task<string>> state)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Not reached within {timeout.TotalSeconds} s: {what}. {await state()}");
            }
            await Task.Delay(50);
        }
        Log($"{what}: after {clock.Elapsed.TotalSeconds:F1} s");
        return clock.Elapsed;
    }

    /// <summary>Waits until every one of <paramref name="count"/> instances has ended.</summary>
    public Task<TimeSpan> WaitForEndedInstancesAsync(int count, TimeSpan timeout) =>
        WaitUntilAsync($"all {count} instances ended",
            async () => await Database.ScalarAsync<long>("SELECT count(*) FROM engine_ended_instances") == count
                && await Database.ScalarAsync<long>("SELECT count(*) FROM engine_instances") == 0,
            timeout, StateAsync);

    /// <summary>Every instance completed, and nothing is left behind: no job (leased or not), no incident.</summary>
    public async Task ShouldHaveCompletedCleanlyAsync(int instances)
    {
        (await Database.ScalarAsync<long>("""SELECT count(*) FROM engine_ended_instances WHERE "Status" = 'Completed'""")).ShouldBe(instances);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM engine_instances")).ShouldBe(0);
        var jobs = await Database.RowsAsync("""SELECT "Id", "Kind", "LockOwner", "LockExpiresAt" FROM engine_jobs LIMIT 10""");
        jobs.ShouldBeEmpty("jobs left behind (id, kind, lock owner, lease expiry): " + HostDatabase.Show(jobs));
        var incidents = await Database.RowsAsync("SELECT * FROM engine_incidents LIMIT 10");
        incidents.ShouldBeEmpty("incidents: " + HostDatabase.Show(incidents));
    }

    /// <summary>How many runs the activity has counted.</summary>
    public Task<long> CallsAsync() => Database.ScalarAsync<long>("SELECT count(*) FROM load_calls");

    /// <summary>How many runs each node has counted.</summary>
    public async Task<Dictionary<string, long>> CallsPerNodeAsync() =>
        (await Database.RowsAsync("SELECT node, count(*) FROM load_calls GROUP BY node")).ToDictionary(r => (string)r[0], r => (long)r[1]);

    /// <summary>Where the work stands, for the message of a wait that timed out.</summary>
    public async Task<string> StateAsync() =>
        $"calls {await CallsAsync()}, active instances {await Database.ScalarAsync<long>("SELECT count(*) FROM engine_instances")}, " +
        $"ended {await Database.ScalarAsync<long>("SELECT count(*) FROM engine_ended_instances")}, " +
        $"jobs (kind, leased, count) {HostDatabase.Show(await Database.RowsAsync("""SELECT "Kind", "LockOwner" IS NOT NULL, count(*) FROM engine_jobs GROUP BY 1, 2"""))}, " +
        $"incidents {await Database.ScalarAsync<long>("SELECT count(*) FROM engine_incidents")}";

    public void Log(string line) => _output.WriteLine(line);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
            var lines = node.Output.Split('\n');
            _output.WriteLine($"--- output of node {node.Node} (last 40 of {lines.Length} lines) ---");
            _output.WriteLine(string.Join('\n', lines.TakeLast(40)));
        }
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
