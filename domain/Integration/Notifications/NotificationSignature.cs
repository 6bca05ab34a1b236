using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ctms.Domain.Integration.Notifications;

/// <summary>The outcome of checking a notification's headers.</summary>
public enum NotificationCheck
{
    Valid,

    /// <summary>A header is missing or unreadable (no event id, no timestamp, no signature).</summary>
    Missing,

    /// <summary>The signature does not match the body and headers (a wrong secret or a tampered body).</summary>
    BadSignature,

    /// <summary>The timestamp is too far from now: an old notification replayed, or a clock far off.</summary>
    Stale,
}

/// <summary>
/// The hospital's notifications are signed, rest-hook style: <c>X-Hospital-Signature: sha256=</c> + the lowercase hex of
/// HMAC-SHA256 over <c>{timestamp}.{eventId}.</c> followed by the exact body bytes, keyed with the shared secret. The
/// timestamp (Unix seconds) bounds a replay to the tolerance window; the event id, remembered, rules it out.
/// </summary>
public static class NotificationSignature
{
    public const string EventIdHeader = "X-Hospital-Event-Id";
    public const string TimestampHeader = "X-Hospital-Timestamp";
    public const string SignatureHeader = "X-Hospital-Signature";
    public const int EventIdMax = 128;
    private const string Prefix = "sha256=";

    public static string Sign(string secret, long timestamp, string eventId, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Mac(secret, timestamp, eventId, body));

    /// <summary>Checks the headers against the body: the signature first (in constant time), then the timestamp's window.</summary>
    public static NotificationCheck Verify(string secret, string? eventId, string? timestamp, string? signature, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(eventId) || eventId.Length > EventIdMax
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || signature is null || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return NotificationCheck.Missing;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return NotificationCheck.BadSignature;
        }
        if (!CryptographicOperations.FixedTimeEquals(given, Mac(secret, seconds, eventId, body)))
        {
            return NotificationCheck.BadSignature;
        }
        var sent = seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MaxValue;
        return (now - sent).Duration() > tolerance ? NotificationCheck.Stale : NotificationCheck.Valid;
    }

    private static byte[] Mac(string secret, long timestamp, string eventId, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{eventId}.")));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
