using Ctms.Bench;

// The performance harness. See docs/performance.md for what each scenario measures and the figures on record.
//   dotnet run -c Release --project bench -- [--quick] [--postgres "Host=...;Username=...;Database=postgres"]
var quick = args.Contains("--quick");
var postgresIndex = Array.IndexOf(args, "--postgres");
var postgres = postgresIndex >= 0 && postgresIndex + 1 < args.Length
    ? args[postgresIndex + 1]
    : Environment.GetEnvironmentVariable("CTMS_TEST_POSTGRES");

var table = new ResultTable();
await AuditedWriteBenchmark.RunAsync(table, quick, postgres);
await AccessCheckBenchmark.RunAsync(table, quick, postgres);
await EngineBenchmark.RunAsync(table, quick, postgres);
table.Print();
return 0;
