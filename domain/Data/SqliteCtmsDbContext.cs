using System.Collections.Concurrent;
using Ctms.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Data;

/// <summary>The embedded default: one SQLite file under the data folder.</summary>
public sealed class SqliteCtmsDbContext(DbContextOptions<SqliteCtmsDbContext> options, ICurrentUser? currentUser = null, TimeProvider? clock = null)
    : CtmsDbContext(options, currentUser, clock)
{
    // SQLite admits one writer per file. Writers queue here, in process, instead of in SQLite's busy handler,
    // which polls with sleeps and turned a few concurrent saves into waits of 600 ms (see docs/performance.md).
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    // Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE, which already excludes every other writer.
    protected override Task LockAuditChainAsync(CancellationToken ct) => Task.CompletedTask;

    protected override async ValueTask<IDisposable?> EnterWriterGateAsync(CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    /// <summary>Write-ahead logging: readers no longer wait for a writer, and a writer no longer waits for readers.</summary>
    public override async Task MigrateAsync(CancellationToken ct = default)
    {
        await Database.MigrateAsync(ct);
        await Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
