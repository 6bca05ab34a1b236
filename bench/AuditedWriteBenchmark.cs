using Ctms.Domain.Projects;

namespace Ctms.Bench;

/// <summary>
/// Audited writes: each operation inserts one project in its own transaction, so the save writes the row and its
/// six audit records and extends the hash chain under the chain's lock. This is the floor under every command.
/// </summary>
internal static class AuditedWriteBenchmark
{
    public static async Task RunAsync(ResultTable table, bool quick, string? postgres)
    {
        var perClient = quick ? 40 : 1000;
        await foreach (var db in BenchDatabase.AllAsync(postgres))
        {
            await using (db)
            {
                await Latencies.MeasureAsync(2, 20, (c, i) => InsertAsync(db, $"warm-{c}-{i}"));
                foreach (var clients in new[] { 1, 4, 16 })
                {
                    var (rate, p50, p99, count) = await Latencies.MeasureAsync(clients, perClient / clients * (clients == 1 ? 1 : 2),
                        (c, i) => InsertAsync(db, $"{clients}-{c}-{i}"));
                    table.Add("audited insert (1 row + 6 audit records)", db.Provider, clients, rate, p50, p99, count);
                }
            }
        }
    }

    private static async Task InsertAsync(BenchDatabase db, string protocol)
    {
        await using var context = db.Create();
        context.Projects.Add(new Project("B-" + protocol, "Benchmark study", "Sponsor", DateTimeOffset.UtcNow));
        await context.SaveChangesAsync();
    }
}
