using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Audit;

/// <summary>Walks the audit trail in order and recomputes every hash; stops at the first broken link.</summary>
public sealed class AuditChainVerifier(CtmsDbContext db)
{
    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct = default)
    {
        long expected = 1, checkedCount = 0;
        var previous = AuditHasher.Genesis;
        await foreach (var record in db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (record.Sequence != expected)
            {
                return Broken(checkedCount, expected, $"Record {expected} is missing: the next one is {record.Sequence}.");
            }
            if (record.PreviousHash != previous)
            {
                return Broken(checkedCount, record.Sequence, "Its previous-hash does not match the hash of the record before it.");
            }
            if (AuditHasher.Compute(record) != record.Hash)
            {
                return Broken(checkedCount, record.Sequence, "Its content does not match its hash: it was altered after it was written.");
            }
            previous = record.Hash;
            expected++;
            checkedCount++;
        }
        return new AuditChainReport(true, checkedCount, null, null);
    }

    private static AuditChainReport Broken(long checkedCount, long sequence, string problem) =>
        new(false, checkedCount, sequence, problem);
}
