using System.Globalization;

namespace Ctms.Bench;

/// <summary>Collects one row per measurement and prints them as a Markdown table, ready for docs/performance.md.</summary>
internal sealed class ResultTable
{
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];

    public void Add(string scenario, string provider, int clients, double perSecond, TimeSpan p50, TimeSpan p99, int operations) =>
        _rows.Add([scenario, provider, clients.ToString(CultureInfo.InvariantCulture), perSecond.ToString("F0", CultureInfo.InvariantCulture),
            Ms(p50), Ms(p99), operations.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>A line printed now and again under the table (a figure that is not a latency, such as a load rate).</summary>
    public void Note(string line)
    {
        Console.WriteLine(line);
        _notes.Add(line);
    }

    public void Print()
    {
        string[] header = ["scenario", "database", "clients", "ops/s", "p50 ms", "p99 ms", "ops"];
        Console.WriteLine();
        Console.WriteLine("| " + string.Join(" | ", header) + " |");
        Console.WriteLine("|" + string.Concat(Enumerable.Repeat("---|", header.Length)));
        foreach (var row in _rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }
        if (_notes.Count > 0)
        {
            Console.WriteLine();
            _notes.ForEach(n => Console.WriteLine("- " + n));
        }
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture);
}
