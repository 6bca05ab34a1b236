using System.Diagnostics;
using Ctms.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ctms.Host.Tests.Engine;

/// <summary>
/// A node killed with SIGKILL in the middle of work loses nothing and repeats nothing: what it committed stays, what it
/// had leased or was running is taken over when the lease runs out, and every service task runs exactly once.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : HostClusterTest(output)
{
    private const int Instances = 500;
    private const int CallsPerInstance = 2;

    [PostgresHostFact]
    public async Task A_node_killed_mid_run_loses_no_job_and_runs_none_twice_after_restart()
    {
        var db = Cluster.Database;
        var (first, client) = await Cluster.StartNodeAsync("first");
        using (client)
        {
            await client.DeployAsync("Engine/CrashSafety.bpmn");
            await Cluster.StartInstancesAsync([client], "crash-safety", Instances);
        }

        await Cluster.WaitUntilAsync("150 calls counted", async () => await Cluster.CallsAsync() >= 150, TimeSpan.FromSeconds(60), Cluster.StateAsync);
        await first.KillAsync();
        var countedBeforeKill = await Cluster.CallsAsync();
        var leasedAtKill = await db.ScalarAsync<long>("""SELECT count(*) FROM engine_jobs WHERE "LockOwner" IS NOT NULL""");
        Cluster.Log($"killed node 'first' after {countedBeforeKill} of {Instances * CallsPerInstance} calls; {leasedAtKill} jobs were leased to it");
        countedBeforeKill.ShouldBeLessThan(Instances * CallsPerInstance, "the node was killed too late to prove anything: every call had run");

        var restarted = Stopwatch.StartNew();
        var (second, secondClient) = await Cluster.StartNodeAsync("second");
        secondClient.Dispose();
        await Cluster.WaitForEndedInstancesAsync(Instances, TimeSpan.FromSeconds(120));
        Cluster.Log($"recovered: every instance ended {restarted.Elapsed.TotalSeconds:F1} s after the restart began");
        await second.KillAsync();
        Cluster.Log("calls per node: " + string.Join(", ", await Cluster.CallsPerNodeAsync()) +
            $"; attempts {await db.ScalarAsync<long>("SELECT count(*) FROM load_attempts")}");

        await Cluster.ShouldHaveCompletedCleanlyAsync(Instances);
        (await Cluster.CallsAsync()).ShouldBe(Instances * CallsPerInstance);
        var twice = await db.RowsAsync("""
            SELECT instance_id, element_instance_id, count(*), string_agg(node, ',') FROM load_calls
            GROUP BY instance_id, element_instance_id HAVING count(*) > 1 LIMIT 10
            """);
        twice.ShouldBeEmpty("service tasks that ran more than once (instance, element instance, runs, nodes): " + HostDatabase.Show(twice));
        (await db.ScalarAsync<long>("SELECT count(DISTINCT instance_id) FROM load_calls")).ShouldBe(Instances);
    }
}
