using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ctms.Bench;

/// <summary>Runs an operation from several clients at once and reports throughput and latency percentiles.</summary>
internal static class Latencies
{
    /// <summary>Runs <paramref name="warmUp"/> operations first (one client, not counted: the JIT and the pools settle), then measures.</summary>
    public static async Task<(double PerSecond, TimeSpan P50, TimeSpan P99, int Count)> MeasureAsync(
        int clients, int operationsPerClient, Func<int, int, Task> operation, int warmUp = 0)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await operation(0, -1 - i);
        }
        var samples = new ConcurrentBag<long>();
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < operationsPerClient; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(client, i);
                samples.Add(Stopwatch.GetTimestamp() - start);
            }
        })));
        total.Stop();
        var sorted = samples.Order().ToArray();
        return (sorted.Length / total.Elapsed.TotalSeconds, At(sorted, 0.50), At(sorted, 0.99), sorted.Length);
    }

    private static TimeSpan At(long[] sorted, double quantile) =>
        Stopwatch.GetElapsedTime(0, sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))]);
}
