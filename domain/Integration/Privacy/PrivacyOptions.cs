namespace Ctms.Domain.Integration.Privacy;

/// <summary>
/// The keys that protect patients' identifiers (configuration section <c>Integration:Privacy</c>). They live outside the
/// database: in configuration (environment variables, a secret store) or, when none is configured, in a key file in the
/// data folder that the host creates on first start. <see cref="Keys"/> may hold retired keys beside the active one, so
/// that values sealed before a rotation still open.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Integration:Privacy";

    /// <summary>The id of the key new values are sealed with.</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>Key id to AES-256 key (base64 of 32 bytes).</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The HMAC-SHA256 key of the look-up hashes (base64, at least 32 bytes). Changing it orphans every hash.</summary>
    public string? HashKey { get; set; }
}
