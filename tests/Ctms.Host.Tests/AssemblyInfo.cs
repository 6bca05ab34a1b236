// Each test runs several host processes and a PostgreSQL load on a small machine: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
