using Ctms.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Data;

/// <summary>The embedded default: one SQLite file under the data folder.</summary>
public sealed class SqliteCtmsDbContext(DbContextOptions<SqliteCtmsDbContext> options, ICurrentUser? currentUser = null, TimeProvider? clock = null)
    : CtmsDbContext(options, currentUser, clock)
{
    // Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE, which already excludes every other writer.
    protected override Task LockAuditChainAsync(CancellationToken ct) => Task.CompletedTask;
}
