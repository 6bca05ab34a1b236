using System.Diagnostics;
using Ctms.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ctms.Host.Tests.Engine;

/// <summary>
/// Two nodes on one database share the jobs without running any twice, and never run two jobs of one process
/// instance at the same time (the claim locks the instance's row), however the jobs fall between them.
/// </summary>
public sealed class TwoNodeTests(ITestOutputHelper output) : HostClusterTest(output)
{
    private const int Instances = 200;
    private const int JobsPerInstance = 10;

    [PostgresHostFact]
    public async Task Two_nodes_run_each_job_once_and_the_jobs_of_one_instance_one_at_a_time()
    {
        var db = Cluster.Database;
        // The first node migrates the database and creates the administrator; the second finds both done.
        var (_, a) = await Cluster.StartNodeAsync("a");
        var (_, b) = await Cluster.StartNodeAsync("b");
        using (a)
        using (b)
        {
            await a.DeployAsync("Engine/TwoNodes.bpmn");
            var clock = Stopwatch.StartNew();
            await Cluster.StartInstancesAsync([a, b], "two-nodes", Instances);
            await Cluster.WaitForEndedInstancesAsync(Instances, TimeSpan.FromSeconds(120));
            Cluster.Log($"{Instances * JobsPerInstance} jobs done {clock.Elapsed.TotalSeconds:F1} s after the first start request");
        }

        var perNode = await Cluster.CallsPerNodeAsync();
        Cluster.Log("calls per node: " + string.Join(", ", perNode));
        await Cluster.ShouldHaveCompletedCleanlyAsync(Instances);
        (await Cluster.CallsAsync()).ShouldBe(Instances * JobsPerInstance);
        (await db.ScalarAsync<long>("SELECT count(DISTINCT element_instance_id) FROM load_calls")).ShouldBe(Instances * JobsPerInstance);
        (await db.ScalarAsync<long>("SELECT count(DISTINCT instance_id) FROM load_calls")).ShouldBe(Instances);
        perNode.GetValueOrDefault("a").ShouldBeGreaterThan(0, "node a ran no job");
        perNode.GetValueOrDefault("b").ShouldBeGreaterThan(0, "node b ran no job");

        // Every attempt, committed or rolled back: if the instance lock did not hold, the optimistic revision check
        // would still keep the committed rows apart, and only the attempts would show two runs at once.
        Cluster.Log($"attempts: {await db.ScalarAsync<long>("SELECT count(*) FROM load_attempts")} for {Instances * JobsPerInstance} jobs");
        var overlapping = await db.RowsAsync("""
            SELECT x.instance_id, x.element_instance_id, x.node, x.started_at, x.ended_at, y.element_instance_id, y.node, y.started_at, y.ended_at
            FROM load_attempts x JOIN load_attempts y
              ON x.instance_id = y.instance_id AND x.ctid < y.ctid AND x.started_at < y.ended_at AND y.started_at < x.ended_at
            LIMIT 10
            """);
        overlapping.ShouldBeEmpty("runs of one instance's jobs at the same time (instance, element instance, node, start, end, and the other's): " +
            HostDatabase.Show(overlapping));
    }
}
