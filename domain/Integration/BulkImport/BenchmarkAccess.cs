using System.Runtime.CompilerServices;

// The performance harness (bench/BulkImportBenchmark.cs) times the importer's own line parser against Firely's.
[assembly: InternalsVisibleTo("Ctms.Bench")]
