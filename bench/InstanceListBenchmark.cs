using System.Globalization;
using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime.Instances;

namespace Ctms.Bench;

/// <summary>
/// The instance list under load: 1,000,000 ended and 100,000 running instances (<see cref="InstanceData"/>), bulk-loaded,
/// then pages of the list, each on a fresh context through <see cref="EfEngineStore.QueryInstancesAsync"/> (what
/// <c>GET /api/process-instances</c> and the studio's instance list run, the total included): everything, one big and one
/// small process, a process with a state it has no instance in, a rare state of the big process, a business key, the
/// instances held by incidents, and a deep page of the big process. <c>CTMS_BENCH_EXPLAIN=1</c> prints each query's plans.
/// </summary>
internal static class InstanceListBenchmark
{
    private const int DeepOffset = 10_000;

    public static async Task RunAsync(ResultTable table, bool quick, string? postgres)
    {
        var data = new InstanceData(quick ? 20_000 : 1_000_000, quick ? 2_000 : 100_000);
        var queries = int.TryParse(Environment.GetEnvironmentVariable("CTMS_BENCH_INSTANCE_QUERIES"), out var q) ? q : quick ? 20 : 500;
        var label = string.Create(CultureInfo.InvariantCulture, $"{data.EndedCount:N0} ended, {data.RunningCount:N0} running");
        await foreach (var db in EngineDatabase.AllAsync("instances", postgres))
        {
            await using (db)
            {
                var loadTime = await (db.IsSqlite ? InstanceLoader.SqliteAsync(db.ConnectionString, data) : InstanceLoader.PostgresAsync(db.ConnectionString, data));
                var rows = data.EndedCount + data.RunningCount;
                table.Note($"instances: {db.Provider} loaded {rows.ToString("N0", CultureInfo.InvariantCulture)} instances in {loadTime.TotalSeconds:F1} s " +
                           $"({rows / loadTime.TotalSeconds:F0} rows/s, index builds and statistics included)");
                var random = new Random(12);
                var subjects = Enumerable.Range(0, queries + 10).Select(_ => random.Next(data.Subjects)).ToArray();
                await CheckAsync(db, data, subjects[0]);

                var scenarios = new (string Name, Func<int, InstanceQuery> Query)[]
                {
                    ("all, first page", _ => new InstanceQuery()),
                    ($"{InstanceData.Big} (60%), first page", _ => new InstanceQuery { ProcessId = InstanceData.Big }),
                    ($"{InstanceData.Small} (10%), first page", _ => new InstanceQuery { ProcessId = InstanceData.Small }),
                    ($"{InstanceData.NeverTerminated}, terminated (none)", _ => Terminated(InstanceData.NeverTerminated)),
                    ($"{InstanceData.Big}, terminated (0.2%)", _ => Terminated(InstanceData.Big)),
                    ("business key", i => new InstanceQuery { BusinessKey = InstanceData.SubjectKey(subjects[(i + subjects.Length) % subjects.Length]) }),
                    ("with incidents", _ => new InstanceQuery { Status = InstanceStatusFilter.Incidents }),
                    ($"{InstanceData.Big} at offset {DeepOffset:N0}", _ => new InstanceQuery { ProcessId = InstanceData.Big, Offset = DeepOffset }),
                };
                // Per query: warm-up (plans cached, pages in memory, connections pooled), then as many as fit in a time budget, up to the full count.
                var budget = TimeSpan.FromSeconds(quick ? 0.15 : 20);
                foreach (var (name, query) in scenarios)
                {
                    var (_, warm, _, _) = await Latencies.MeasureAsync(1, 3, (_, i) => PageAsync(db, query(i)), warmUp: 2);
                    var affordable = Math.Clamp((int)(budget / warm), 10, queries);
                    var (rate, p50, p99, count) = await Latencies.MeasureAsync(1, affordable, (_, i) => PageAsync(db, query(i)));
                    table.Add($"instances ({label}): {name}", db.Provider, 1, rate, p50, p99, count);
                }
                if (Environment.GetEnvironmentVariable("CTMS_BENCH_EXPLAIN") is { Length: > 0 })
                {
                    foreach (var (name, query) in scenarios)
                    {
                        await db.ExplainAsync(name, store => store.QueryInstancesAsync(query(0), default));
                    }
                }
            }
        }
    }

    private static InstanceQuery Terminated(string processId) => new() { ProcessId = processId, Status = InstanceStatusFilter.Terminated };

    private static Task<InstancePage> PageAsync(EngineDatabase db, InstanceQuery query) => db.StoreAsync(store => store.QueryInstancesAsync(query, default));

    /// <summary>A benchmark that measures wrong answers measures nothing: the pages must be what the generator made.</summary>
    private static async Task CheckAsync(EngineDatabase db, InstanceData data, int subject)
    {
        void Expect(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException($"The instance list on {db.Provider} does not match the loaded instances: {what}.");
            }
        }
        static bool Newest(InstancePage page) => page.Items.Zip(page.Items.Skip(1)).All(p => p.First.Id.CompareTo(p.Second.Id) > 0);

        var all = await PageAsync(db, new InstanceQuery());
        Expect(all.Items.Count == 50 && all.Items[0].Id == data.NewestId && Newest(all) && all is { Total: InstanceQuery.CountLimit, TotalIsExact: false },
            "the first page of all instances starts at the newest, with a total of more than 1,000");
        var big = await PageAsync(db, new InstanceQuery { ProcessId = InstanceData.Big });
        var deep = await PageAsync(db, new InstanceQuery { ProcessId = InstanceData.Big, Offset = DeepOffset });
        Expect(big.Items.Count == 50 && deep.Items.Count == 50 && big.Items.Concat(deep.Items).All(i => i.ProcessId == InstanceData.Big)
            && Newest(big) && Newest(deep) && deep.Items[0].Id.CompareTo(big.Items[^1].Id) < 0 && deep is { TotalIsExact: false, Total: DeepOffset + 50 },
            $"pages 1 and {DeepOffset / 50 + 1} of {InstanceData.Big}");
        var none = await PageAsync(db, Terminated(InstanceData.NeverTerminated));
        Expect(none is { Items.Count: 0, Total: 0, TotalIsExact: true }, $"no terminated instance of {InstanceData.NeverTerminated}");
        var rare = await PageAsync(db, Terminated(InstanceData.Big));
        Expect(rare.Items.All(i => i.Status == "Terminated" && i.ProcessId == InstanceData.Big) && Newest(rare)
            && rare.Total == Math.Min(data.BigTerminated, InstanceQuery.CountLimit), $"{data.BigTerminated} terminated instances of {InstanceData.Big}");
        var key = InstanceData.SubjectKey(subject);
        var keyed = await PageAsync(db, new InstanceQuery { BusinessKey = key });
        Expect(keyed.Total == data.KeyCount[subject] && keyed.TotalIsExact && keyed.Items.All(i => i.BusinessKey == key),
            $"{data.KeyCount[subject]} instances of {key}");
        var held = await PageAsync(db, new InstanceQuery { Status = InstanceStatusFilter.Incidents, Limit = InstanceQuery.MaxLimit });
        Expect(held.Total == data.WithIncidents && held.Items.All(i => i is { Status: "Active", OpenIncidents: 1 or 2 }) && held.Items[0].Id == data.NewestWithIncident,
            $"{data.WithIncidents} instances held by incidents");
        // The list never reads a running instance's state document, but the engine does: it must be one the engine reads.
        var instance = await db.StoreAsync(store => store.InstanceAsync(data.NewestWithIncident, default));
        Expect(instance is { Elements.Count: 2 } && instance.Root.ElementId == instance.ProcessId
            && instance.Elements.Values.Single(e => e.ScopeId == instance.RootId).IncidentId is not null, "the state document of an instance with an incident");
    }
}
