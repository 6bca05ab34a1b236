using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Ctms.Domain.Audit;

/// <summary>The SHA-256 of a record's content and its predecessor's hash, over a canonical JSON array.</summary>
public static class AuditHasher
{
    /// <summary>The previous hash of the first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditRecord r)
    {
        // Microseconds: the precision both SQLite (text) and PostgreSQL (timestamptz) keep.
        var micros = r.Timestamp.UtcTicks / 10;
        string?[] content =
        [
            r.Sequence.ToString(CultureInfo.InvariantCulture), r.ChangeSetId.ToString("N"),
            micros.ToString(CultureInfo.InvariantCulture), r.UserId, r.UserName, r.Action.ToString(),
            r.EntityType, r.EntityKey, r.Field, r.OldValue, r.NewValue, r.Reason, r.PreviousHash,
        ];
        var bytes = JsonSerializer.SerializeToUtf8Bytes(content);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Cuts a time to the microsecond so that it hashes the same after a round trip through the database.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    internal static string? Canonical(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
