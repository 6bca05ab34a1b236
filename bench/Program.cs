using System.Diagnostics;
using Ctms.Bench;

// The performance harness. See docs/performance.md for what each scenario measures and the figures on record.
//   dotnet run -c Release --project bench -- [--quick] [--only audit|access|engine|inbox|instances|bulk-import] [--postgres "Host=...;Username=...;Database=postgres"]
var quick = args.Contains("--quick");
var postgres = Option("--postgres") ?? Environment.GetEnvironmentVariable("CTMS_TEST_POSTGRES");
var only = Option("--only");

var scenarios = new (string Name, Func<ResultTable, bool, string?, Task> Run)[]
{
    ("audit", AuditedWriteBenchmark.RunAsync),
    ("access", AccessCheckBenchmark.RunAsync),
    ("engine", EngineBenchmark.RunAsync),
    ("inbox", InboxBenchmark.RunAsync),
    ("instances", InstanceListBenchmark.RunAsync),
    ("bulk-import", BulkImportBenchmark.RunAsync),
};
if (only is not null && !scenarios.Any(s => s.Name == only))
{
    await Console.Error.WriteLineAsync($"--only takes one of: {string.Join(", ", scenarios.Select(s => s.Name))}");
    return 2;
}

var table = new ResultTable();
foreach (var (name, run) in scenarios.Where(s => only is null || s.Name == only))
{
    var watch = Stopwatch.StartNew();
    await run(table, quick, postgres);
    Console.WriteLine($"({name}: {watch.Elapsed.TotalSeconds:F1} s)");
}
table.Print();
return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
