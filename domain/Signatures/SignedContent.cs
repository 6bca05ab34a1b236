using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ctms.Domain.Signatures;

/// <summary>
/// The canonical text of a signed record: its type on the first line, then one <c>name:value</c> line per field in the
/// order given, values in invariant culture (numbers as they are, times as ISO 8601 in UTC to the microsecond, line breaks escaped), so
/// that the same record always gives the same text and therefore the same hash, whatever the server's culture.
/// </summary>
public static class SignedContent
{
    /// <summary>
    /// Times to the microsecond (truncated): PostgreSQL keeps microseconds and .NET ticks are tenths of them, so a time
    /// read back from the database must print as it did when it was signed.
    /// </summary>
    private const string Instant = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Of(string recordType, params (string Name, object? Value)[] fields)
    {
        var text = new StringBuilder(recordType).Append('\n');
        foreach (var (name, value) in fields)
        {
            text.Append(name).Append(':').Append(Format(value)).Append('\n');
        }
        return text.ToString();
    }

    public static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => Escape(s),
        DateTimeOffset d => d.ToUniversalTime().ToString(Instant, CultureInfo.InvariantCulture),
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString(Instant, CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IEnumerable<string> list => string.Join("|", list.Select(Escape)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Escape(value.ToString() ?? ""),
    };

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
