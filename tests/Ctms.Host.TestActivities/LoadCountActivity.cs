using Ctms.Domain.Data;
using Ctms.Engine.Runtime.Activities;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Host.TestActivities;

/// <summary>
/// Counts each of its runs as one row of <c>load_calls</c>, written in the engine command's transaction (the host
/// opened it on the injected context), so a row exists exactly when the run committed. The row spans a few
/// milliseconds of the server's clock (<c>clock_timestamp()</c>), so two runs that overlapped would show it, and
/// names the node (<see cref="NodeVariable"/>) that ran it.
/// </summary>
[Activity(TaskType, Category = "Tests", Description = "Counts one run in load_calls, in the command's transaction.")]
public sealed class LoadCountActivity(CtmsDbContext db) : IActivityHandler
{
    public const string TaskType = "load-count";

    /// <summary>The environment variable naming the host process that runs the activity.</summary>
    public const string NodeVariable = "CTMS_TEST_NODE";

    /// <summary>The table the activity writes; a test creates it before the host starts. No key: a second run of one element instance must show, not fail.</summary>
    public const string CreateTable = """
        CREATE TABLE load_calls (
            element_instance_id uuid NOT NULL,
            instance_id uuid NOT NULL,
            node text NOT NULL,
            started_at timestamptz NOT NULL,
            ended_at timestamptz)
        """;

    private static readonly TimeSpan Work = TimeSpan.FromMilliseconds(5);

    private static readonly string Node = Environment.GetEnvironmentVariable(NodeVariable) ?? Environment.MachineName;

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO load_calls (element_instance_id, instance_id, node, started_at)
            VALUES ({context.ElementInstanceId}, {context.InstanceId}, {Node}, clock_timestamp())
            """, ct);
        await Task.Delay(Work, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE load_calls SET ended_at = clock_timestamp()
            WHERE element_instance_id = {context.ElementInstanceId} AND ended_at IS NULL
            """, ct);
        return ActivityResult.Complete();
    }
}
