using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Ctms.Domain.Integration.Privacy;

/// <summary>
/// Seals patients' identifiers before they reach the database: AES-256-GCM with a fresh nonce per value and the field's
/// purpose as associated data (a sealed MRN cannot be passed off as another field), the key's id stored beside the value
/// for rotation; and a keyed hash (HMAC-SHA256) of the normalised value, so that "is this MRN already registered?" is a
/// look-up on the hash, never a decryption of every row.
/// </summary>
public sealed class PatientVault
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly byte[] _hashKey;

    public PatientVault(IOptions<PrivacyOptions> options)
    {
        var o = options.Value;
        _keys = o.Keys.ToDictionary(k => k.Key, k => Decode(k.Value, $"Integration:Privacy:Keys:{k.Key}", exactly: 32), StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(o.ActiveKeyId) || !_keys.ContainsKey(o.ActiveKeyId))
        {
            throw new InvalidOperationException("Integration:Privacy:ActiveKeyId must name one of Integration:Privacy:Keys.");
        }
        ActiveKeyId = o.ActiveKeyId;
        _hashKey = Decode(o.HashKey, "Integration:Privacy:HashKey", exactly: null);
    }

    /// <summary>The key new values are sealed with.</summary>
    public string ActiveKeyId { get; }

    /// <summary>Seals <paramref name="clear"/> for <paramref name="purpose"/> (e.g. "mrn") with the active key: nonce, tag and ciphertext.</summary>
    public SealedValue Seal(string clear, string purpose)
    {
        var plain = Encoding.UTF8.GetBytes(clear);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[ActiveKeyId], TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(purpose));
        return new SealedValue(sealedBytes, ActiveKeyId);
    }

    /// <summary>Opens a value sealed for <paramref name="purpose"/>; throws when the key is unknown or the value was altered.</summary>
    public string Open(byte[] sealedBytes, string keyId, string purpose)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"The privacy key '{keyId}' is not configured; add it to Integration:Privacy:Keys to open values sealed with it.");
        }
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed value is too short.");
        }
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain,
            Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The keyed hash of a normalised identifier (trimmed, upper case), prefixed with its purpose.</summary>
    public byte[] Hash(string clear, string purpose) =>
        HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(purpose + ":" + Normalise(clear)));

    public static string Normalise(string identifier) => identifier.Trim().ToUpperInvariant();

    /// <summary>
    /// Initials as a trial shows a subject: the first letter of each part of the family name then of the given name
    /// ("Ouyang Xiaoming" gives "OX", "Wang Li-Na" gives "WLN"); a part without a Latin letter (a name in characters)
    /// gives "X", so a character of the name never leaves the hospital.
    /// </summary>
    public static string Initials(string? family, string? given)
    {
        var letters = new StringBuilder();
        foreach (var part in new[] { family, given })
        {
            foreach (var word in (part ?? "").Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries))
            {
                var first = word.Normalize(NormalizationForm.FormD).FirstOrDefault(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z');
                letters.Append(first == default ? 'X' : char.ToUpper(first, CultureInfo.InvariantCulture));
            }
        }
        return letters.Length == 0 ? "X" : letters.ToString(0, Math.Min(letters.Length, 6));
    }

    private static byte[] Decode(string? base64, string name, int? exactly)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64 ?? "");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{name} is not base64.");
        }
        if (exactly is { } n ? bytes.Length != n : bytes.Length < 32)
        {
            throw new InvalidOperationException($"{name} must be {(exactly is { } m ? $"{m}" : "at least 32")} bytes.");
        }
        return bytes;
    }
}

/// <summary>A sealed value and the id of the key that sealed it.</summary>
public sealed record SealedValue(byte[] Bytes, string KeyId);
