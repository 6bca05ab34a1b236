using Ctms.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Data;

/// <summary>Production storage: PostgreSQL through Npgsql.</summary>
public sealed class PostgresCtmsDbContext(DbContextOptions<PostgresCtmsDbContext> options, ICurrentUser? currentUser = null, TimeProvider? clock = null)
    : CtmsDbContext(options, currentUser, clock)
{
    /// <summary>Key of the transaction-scoped advisory lock that serialises appends to the audit chain.</summary>
    public const long AuditChainLockKey = 0x_C7A5_0001;

    protected override Task LockAuditChainAsync(CancellationToken ct) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", ct);
}
