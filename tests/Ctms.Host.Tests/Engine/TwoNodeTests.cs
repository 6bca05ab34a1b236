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

        var overlapping = await db.RowsAsync("""
            SELECT x.instance_id, x.node, x.started_at, x.ended_at, y.node, y.started_at, y.ended_at
            FROM load_calls x JOIN load_calls y
              ON x.instance_id = y.instance_id AND x.element_instance_id < y.element_instance_id
             AND x.started_at < y.ended_at AND y.started_at < x.ended_at
            LIMIT 10
            """);
        overlapping.ShouldBeEmpty("jobs of one instance that ran at the same time (instance, node, start, end, node, start, end): " +
            HostDatabase.Show(overlapping));
        (await db.ScalarAsync<long>("SELECT count(*) FROM load_calls WHERE ended_at IS NULL")).ShouldBe(0);
    }
}
