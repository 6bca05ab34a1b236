namespace Ctms.Domain.Documents;

/// <summary>A file's identity in the <see cref="FileStore"/>: its SHA-256 (lower-case hex) and size in bytes.</summary>
public sealed record StoredFile(string Sha256, long Size);
