using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Notifications;

/// <summary>
/// The dispatcher's access to <c>mail_outbox</c>. Due mail is leased for one dispatcher before it is sent: on PostgreSQL
/// with <c>FOR UPDATE SKIP LOCKED</c>, so several nodes never take the same row; on SQLite (one node) with a plain
/// update. A lease expires, so the mail of a node that died while sending is taken over. The outcome of an attempt is
/// written only while the lease is still this dispatcher's.
/// </summary>
public static class MailOutbox
{
    public static async Task<IReadOnlyList<OutboxMail>> LeaseDueAsync(CtmsDbContext db, string owner, DateTimeOffset now, TimeSpan lease, int max,
        CancellationToken ct)
    {
        var until = now + lease;
        List<Guid> ids;
        if (db.Database.IsNpgsql())
        {
            ids = await db.Database.SqlQuery<Guid>($"""
                UPDATE mail_outbox SET "LeaseOwner" = {owner}, "LeaseExpiresAt" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM mail_outbox
                    WHERE "SentAt" IS NULL AND "GivenUpAt" IS NULL AND "NextAttemptAt" <= {now}
                      AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {now})
                    ORDER BY "NextAttemptAt" LIMIT {max}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
        }
        else
        {
            // SQLite: one writer at a time, so reading the due rows and leasing them in one write transaction is atomic.
            // It keeps DateTimeOffset as text, which it cannot compare: the (few) pending rows' times are compared here.
            await using var tx = await db.BeginWriteTransactionAsync(ct);
            var pending = await db.MailOutbox.AsNoTracking().Where(m => m.SentAt == null && m.GivenUpAt == null)
                .Select(m => new { m.Id, m.NextAttemptAt, m.LeaseExpiresAt }).ToListAsync(ct);
            ids = [.. pending.Where(m => m.NextAttemptAt <= now && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
                .OrderBy(m => m.NextAttemptAt).Take(max).Select(m => m.Id)];
            await db.MailOutbox.Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, owner).SetProperty(m => m.LeaseExpiresAt, until), ct);
            await tx.CommitAsync(ct);
        }
        return ids.Count == 0 ? [] : await db.MailOutbox.AsNoTracking().Where(m => ids.Contains(m.Id) && m.LeaseOwner == owner).ToListAsync(ct);
    }

    /// <summary>Records the attempt's outcome on the row, if this dispatcher still holds its lease; false when it does not.</summary>
    public static async Task<bool> RecordAsync(CtmsDbContext db, Guid id, string owner, Action<OutboxMail> outcome, CancellationToken ct)
    {
        var mail = await db.MailOutbox.SingleOrDefaultAsync(m => m.Id == id && m.LeaseOwner == owner, ct);
        if (mail is null)
        {
            return false;
        }
        outcome(mail);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
