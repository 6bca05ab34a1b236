using Ctms.Domain.Data;
using Ctms.Engine.Runtime.Activities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ctms.Host.TestActivities;

/// <summary>
/// Counts each of its runs twice over, spanning a few milliseconds of the server's clock (<c>clock_timestamp()</c>) and
/// naming the node (<see cref="NodeVariable"/>) that ran it: in <c>load_calls</c>, written in the engine command's
/// transaction (the host opened it on the injected context), so a row exists exactly when the run committed; and in
/// <c>load_attempts</c>, written on a connection of its own, so a row exists for every run that got this far, also
/// one whose command rolled back. Two attempts on one instance that overlap in time ran at the same time.
/// </summary>
[Activity(TaskType, Category = "Tests", Description = "Counts one run in load_calls (committed with the command) and in load_attempts (always).")]
public sealed class LoadCountActivity(CtmsDbContext db) : IActivityHandler
{
    public const string TaskType = "load-count";

    /// <summary>The environment variable naming the host process that runs the activity.</summary>
    public const string NodeVariable = "CTMS_TEST_NODE";

    /// <summary>The tables the activity writes; a test creates them before the host starts. No key: a second run of one element instance must show, not fail.</summary>
    public const string CreateTables = """
        CREATE TABLE load_calls (element_instance_id uuid NOT NULL, instance_id uuid NOT NULL, node text NOT NULL,
            started_at timestamptz NOT NULL, ended_at timestamptz NOT NULL);
        CREATE TABLE load_attempts (LIKE load_calls);
        """;

    private static readonly TimeSpan Work = TimeSpan.FromMilliseconds(5);

    private static readonly string Node = Environment.GetEnvironmentVariable(NodeVariable) ?? Environment.MachineName;

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var startedAt = await NowAsync(ct);
        await Task.Delay(Work, ct);
        var endedAt = await NowAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO load_calls (element_instance_id, instance_id, node, started_at, ended_at)
            VALUES ({context.ElementInstanceId}, {context.InstanceId}, {Node}, {startedAt}, {endedAt})
            """, ct);
        await using var own = new NpgsqlConnection(db.Database.GetConnectionString());
        await own.OpenAsync(ct);
        await using var attempt = new NpgsqlCommand(
            "INSERT INTO load_attempts (element_instance_id, instance_id, node, started_at, ended_at) VALUES ($1, $2, $3, $4, $5)", own)
        {
            Parameters = { new() { Value = context.ElementInstanceId }, new() { Value = context.InstanceId }, new() { Value = Node },
                new() { Value = startedAt }, new() { Value = endedAt } },
        };
        await attempt.ExecuteNonQueryAsync(ct);
        return ActivityResult.Complete();
    }

    /// <summary>The database server's clock, read in the command's transaction (one clock for every node).</summary>
    private Task<DateTime> NowAsync(CancellationToken ct) =>
        db.Database.SqlQuery<DateTime>($"""SELECT clock_timestamp() AS "Value" """).SingleAsync(ct);
}
