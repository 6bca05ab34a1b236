using System.Security.Cryptography;
using System.Text;
using Ctms.Domain.Common;

namespace Ctms.Domain.People;

/// <summary>
/// The bytes of people's files (CVs, scanned certificates) on disk under <c>&lt;data&gt;/people</c>, one file per
/// <see cref="PersonFile"/> id. Only PDF, PNG and JPEG are taken, recognised by their content, up to <see cref="MaxBytes"/>.
/// </summary>
public sealed class PeopleFileStore(string root)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly (string Type, byte[] Magic)[] Signatures =
    [
        ("application/pdf", "%PDF-"u8.ToArray()),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
    ];

    /// <summary>The content type the bytes are, or a 400 naming what is allowed.</summary>
    public static string Sniff(ReadOnlySpan<byte> content)
    {
        foreach (var (type, magic) in Signatures)
        {
            if (content.StartsWith(magic))
            {
                return type;
            }
        }
        throw DomainValidationException.For("file", "Only PDF, PNG and JPEG files are accepted (recognised by their content, not their name).");
    }

    /// <summary>The file name without a path, control characters or characters file systems refuse; never empty.</summary>
    public static string Sanitize(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            clean.Append(char.IsControl(c) || invalid.Contains(c) || c is '"' or '<' or '>' or '|' or ':' or '*' or '?' ? '_' : c);
        }
        var result = clean.ToString().Trim().TrimStart('.');
        if (result.Length == 0)
        {
            result = "file";
        }
        return result.Length > PersonFile.FileNameMax ? result[^PersonFile.FileNameMax..] : result;
    }

    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public async Task WriteAsync(Guid id, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        var temp = PathOf(id) + ".partial";
        await File.WriteAllBytesAsync(temp, content.ToArray(), ct);
        File.Move(temp, PathOf(id), overwrite: true);
    }

    public void Delete(Guid id) => File.Delete(PathOf(id));

    /// <summary>The bytes, checked against the hash recorded when they arrived.</summary>
    public async Task<byte[]> ReadAsync(PersonFile file, CancellationToken ct)
    {
        var path = PathOf(file.Id);
        if (!File.Exists(path))
        {
            throw new NotFoundException($"The content of file {file.Id} is missing from the data folder.");
        }
        var bytes = await File.ReadAllBytesAsync(path, ct);
        if (Hash(bytes) != file.Sha256)
        {
            throw new ConflictException($"The content of file {file.Id} does not match its recorded SHA-256.");
        }
        return bytes;
    }

    private string PathOf(Guid id) => Path.Combine(root, id.ToString("N"));
}
