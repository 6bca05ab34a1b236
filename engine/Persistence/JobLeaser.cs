using Ctms.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Engine.Persistence;

/// <summary>
/// Leases due jobs for one node: on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so several nodes never take the
/// same job; on SQLite (one node) with a plain update. A lease expires, so a crashed node's jobs are taken over.
/// Running a leased job first claims it (<see cref="ClaimAsync"/>) in the job's own transaction.
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

    /// <summary>
    /// In the transaction that runs a leased job: locks the job row if this node still holds its lease (false when the
    /// job ran already or its lease passed to another node), then the process instance's row, so that the jobs of one
    /// instance never run at the same time on any node: a second one waits for the first to commit and then sees its
    /// work. SQLite has one writer at a time, so the check alone suffices there.
    /// </summary>
    public static async Task<bool> ClaimAsync(EngineDbContext db, JobState job, string owner, CancellationToken ct)
    {
        if (!db.SupportsSkipLocked)
        {
            return await db.Jobs.AnyAsync(j => j.Id == job.Id && j.LockOwner == owner, ct);
        }
        var held = await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM engine_jobs WHERE "Id" = {job.Id} AND "LockOwner" = {owner} FOR UPDATE
            """).ToListAsync(ct);
        if (held.Count == 0)
        {
            return false;
        }
        await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM engine_instances WHERE "Id" = {job.InstanceId} FOR UPDATE
            """).ToListAsync(ct);
        return true;
    }

    /// <summary>Gives a job back at once (after its command failed on the database) instead of letting its lease run out.</summary>
    public static Task ReleaseAsync(EngineDbContext db, Guid jobId, string owner, CancellationToken ct) =>
        db.Jobs.Where(j => j.Id == jobId && j.LockOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockOwner, (string?)null).SetProperty(j => j.LockExpiresAt, (DateTimeOffset?)null), ct);
}
