using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ctms.HospitalSim;

/// <summary>
/// The signature of a notification: <c>sha256=</c> and the lowercase hex of HMAC-SHA256, keyed with the UTF-8 secret, over
/// the UTF-8 of <c>{timestamp}.{eventId}.</c> followed by the exact body bytes. Public so tests can sign their own (bad,
/// replayed) notifications.
/// </summary>
public static class NotificationSignature
{
    public const string EventIdHeader = "X-Hospital-Event-Id";
    public const string TimestampHeader = "X-Hospital-Timestamp";
    public const string SignatureHeader = "X-Hospital-Signature";

    public static string Sign(string secret, long timestamp, string eventId, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{eventId}."));
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }
}
