using Ctms.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Engine.Persistence;

/// <summary>
/// Leases due jobs for one node: on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so several nodes never take the
/// same job; on SQLite (one node) with a plain update. A lease expires, so a crashed node's jobs are taken over.
/// </summary>
public static class JobLeaser
{
    public static async Task<IReadOnlyList<JobState>> LeaseAsync(EngineDbContext db, string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct)
    {
        var until = now + lease;
        List<Guid> ids;
        if (db.SupportsSkipLocked)
        {
            ids = await db.Database.SqlQuery<Guid>($"""
                UPDATE engine_jobs SET "LockOwner" = {owner}, "LockExpiresAt" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM engine_jobs
                    WHERE "DueAt" <= {now} AND ("LockExpiresAt" IS NULL OR "LockExpiresAt" < {now})
                    ORDER BY "DueAt" LIMIT {max}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
        }
        else
        {
            ids = await db.Jobs.Where(j => j.DueAt <= now && (j.LockExpiresAt == null || j.LockExpiresAt < now))
                .OrderBy(j => j.DueAt).Take(max).Select(j => j.Id).ToListAsync(ct);
            await db.Jobs.Where(j => ids.Contains(j.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockOwner, owner).SetProperty(j => j.LockExpiresAt, until), ct);
        }
        return ids.Count == 0 ? [] : await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).OrderBy(j => j.DueAt).ToListAsync(ct);
    }
}
