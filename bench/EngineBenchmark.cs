using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.Store;
using Microsoft.Data.Sqlite;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Ctms.Bench;

/// <summary>
/// Completed process instances per second, each command in its own unit of work on a fresh context: (a) start ->
/// service task -> end, (b) start -> user task -> end with the task completed through the engine API.
/// </summary>
internal static class EngineBenchmark
{
    private const string ServiceProcess = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="bench">
          <bpmn:process id="no-wait" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="work" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="work" />
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="e" />
          </bpmn:process>
          <bpmn:process id="one-task" isExecutable="true">
            <bpmn:startEvent id="s2" />
            <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewers" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="e2" />
            <bpmn:sequenceFlow id="g1" sourceRef="s2" targetRef="review" />
            <bpmn:sequenceFlow id="g2" sourceRef="review" targetRef="e2" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task RunAsync(ResultTable table, bool quick, string? postgres)
    {
        var perClient = quick ? 50 : 1000;
        foreach (var (name, stores, cleanup) in await StoresAsync(postgres))
        {
            var statements = name == "in memory" ? null : Statements;
            var activities = ScriptedActivities.Empty;
            // One writer at a time for SQLite (as the host's writer gate) and for the in-memory store (not thread-safe).
            var gate = name == "PostgreSQL" ? null : new SemaphoreSlim(1, 1);
            async Task Command(Func<BpmnEngine, Task> command)
            {
                if (gate is not null)
                {
                    await gate.WaitAsync();
                }
                try
                {
                    await command(new BpmnEngine(stores(), activities, TimeProvider.System));
                }
                finally
                {
                    gate?.Release();
                }
            }

            await Command(e => e.DeployAsync("bench.bpmn", ServiceProcess));
            foreach (var clients in new[] { 1, 4, 16 })
            {
                var before = statements?.Count ?? 0;
                var cpuBefore = Environment.CpuUsage;
                var (rate, p50, p99, count) = await Latencies.MeasureAsync(clients, perClient / clients * (clients == 1 ? 1 : 2),
                    (_, _) => Command(e => e.StartAsync("no-wait")), warmUp: WarmUp(quick));
                table.Add("engine: start -> service task -> end", name, clients, rate, p50, p99, count);
                NoteStatements(table, statements, before, Cpu(cpuBefore), count + WarmUp(quick), "start -> service task -> end", name, clients);
            }
            foreach (var clients in new[] { 1, 4, 16 })
            {
                var before = statements?.Count ?? 0;
                var cpuBefore = Environment.CpuUsage;
                var (rate, p50, p99, count) = await Latencies.MeasureAsync(clients, perClient / clients * (clients == 1 ? 1 : 2), async (_, _) =>
                {
                    Guid taskId = default;
                    await Command(async e =>
                    {
                        var instance = await e.StartAsync("one-task");
                        taskId = (await e.Store.TasksAsync(instance.Id, default))[0].Id;
                    });
                    await Command(e => e.CompleteTaskAsync(taskId));
                }, warmUp: WarmUp(quick));
                table.Add("engine: start -> user task -> complete", name, clients, rate, p50, p99, count);
                NoteStatements(table, statements, before, Cpu(cpuBefore), count + WarmUp(quick), "start -> user task -> complete", name, clients);
            }
            await cleanup();
        }
    }

    private static async Task<List<(string Name, Func<IEngineStore> Stores, Func<Task> Cleanup)>> StoresAsync(string? postgres)
    {
        var memory = new InMemoryEngineStore();
        var list = new List<(string, Func<IEngineStore>, Func<Task>)> { ("in memory", () => memory, () => Task.CompletedTask) };
        var file = Path.Combine(Path.GetTempPath(), $"ctms-bench-engine-{Guid.NewGuid():N}.db");
        var sqlite = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 60 }.ToString();
        await using (var db = EngineDbContextFactory.Sqlite(sqlite))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        // Options built once, as the host does (EngineDbContextFactory), with the statement counter attached.
        var sqliteOptions = new DbContextOptionsBuilder<SqliteEngineDbContext>().UseSqlite(sqlite).AddInterceptors(Statements).Options;
        list.Add(("SQLite", () => new EfEngineStore(new SqliteEngineDbContext(sqliteOptions)), () =>
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
            return Task.CompletedTask;
        }));
        if (!string.IsNullOrEmpty(postgres))
        {
            var name = "ctms_bench_engine_" + Guid.NewGuid().ToString("N")[..8];
            await Execute(postgres, $"CREATE DATABASE \"{name}\"");
            var cs = new NpgsqlConnectionStringBuilder(postgres) { Database = name, MaxPoolSize = 64 }.ConnectionString;
            await using (var db = EngineDbContextFactory.Postgres(cs))
            {
                await db.Database.MigrateAsync();
            }
            var postgresOptions = new DbContextOptionsBuilder<PostgresEngineDbContext>().UseNpgsql(cs).AddInterceptors(Statements).Options;
            list.Add(("PostgreSQL", () => new EfEngineStore(new PostgresEngineDbContext(postgresOptions)), async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await Execute(postgres, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }));
        }
        return list;
    }

    private static readonly StatementCounter Statements = new();

    // Long enough for the tiered JIT to reach optimised code for the hot path (a server runs in that state).
    private static int WarmUp(bool quick) => quick ? 20 : 300;

    /// <summary>This process's CPU time since <paramref name="before"/>: in user mode, and in the kernel (sockets, file writes).</summary>
    private static (TimeSpan User, TimeSpan Kernel) Cpu(Environment.ProcessCpuUsage before)
    {
        var now = Environment.CpuUsage;
        return (now.UserTime - before.UserTime, now.PrivilegedTime - before.PrivilegedTime);
    }

    /// <summary>
    /// Per completed instance, with one client: the SQL statements sent (BEGIN and COMMIT not counted), each a round
    /// trip, and the CPU time of this process (the engine, EF Core, the driver; the database's own CPU is not in it).
    /// </summary>
    private static void NoteStatements(ResultTable table, StatementCounter? statements, long before, (TimeSpan User, TimeSpan Kernel) cpu, int instances,
        string scenario, string database, int clients)
    {
        if (statements is not null && clients == 1 && instances > 0)
        {
            table.Note($"engine: {scenario} on {database}: {(statements.Count - before) / (double)instances:F1} SQL statements and " +
                       $"{cpu.User.TotalMilliseconds / instances:F2} ms user + {cpu.Kernel.TotalMilliseconds / instances:F2} ms kernel CPU of the client per instance");
        }
    }

    /// <summary>Counts the statements EF sends (each a round trip).</summary>
    private sealed class StatementCounter : DbCommandInterceptor
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
