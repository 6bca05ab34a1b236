using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
        var perClient = quick ? 100 : 1000;
        foreach (var (name, stores, cleanup) in await StoresAsync(postgres))
        {
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
                var (rate, p50, p99, count) = await Latencies.MeasureAsync(clients, perClient / clients * (clients == 1 ? 1 : 2),
                    (_, _) => Command(e => e.StartAsync("no-wait")));
                table.Add("engine: start -> service task -> end", name, clients, rate, p50, p99, count);
            }
            foreach (var clients in new[] { 1, 4, 16 })
            {
                var (rate, p50, p99, count) = await Latencies.MeasureAsync(clients, perClient / clients * (clients == 1 ? 1 : 2), async (_, _) =>
                {
                    Guid taskId = default;
                    await Command(async e =>
                    {
                        var instance = await e.StartAsync("one-task");
                        taskId = (await e.Store.TasksAsync(instance.Id, default))[0].Id;
                    });
                    await Command(e => e.CompleteTaskAsync(taskId));
                });
                table.Add("engine: start -> user task -> complete", name, clients, rate, p50, p99, count);
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
        list.Add(("SQLite", () => new EfEngineStore(EngineDbContextFactory.Sqlite(sqlite)), () =>
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
            list.Add(("PostgreSQL", () => new EfEngineStore(EngineDbContextFactory.Postgres(cs)), async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await Execute(postgres, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }));
        }
        return list;
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
