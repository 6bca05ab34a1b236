using System.Globalization;
using System.Text;
using Ctms.Domain.Common;

namespace Ctms.Domain.Documents;

/// <summary>
/// What an upload must be: of an allowed kind (sniffed from its content, with a file name whose extension agrees),
/// within the size cap, with a file name that is safe to store and to send back. Any module that takes files uses it.
/// </summary>
public sealed class UploadPolicy(FileStoreOptions options)
{
    public const int FileNameMax = 200;

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The size cap of one file (<c>Documents:MaxBytes</c>).</summary>
    public long MaxBytes { get; } = options.MaxBytes;

    /// <summary>
    /// A file name that is safe anywhere yet still readable: the last path segment only (no <c>../</c>, no folders of
    /// either slash), no control or reserved characters, no leading/trailing dots or spaces, at most
    /// <see cref="FileNameMax"/> characters with the extension kept. Null when nothing usable is left.
    /// </summary>
    public static string? SanitizeFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }
        var name = fileName.Normalize(NormalizationForm.FormC);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c))
            {
                clean.Append(' ');
                continue;
            }
            if (char.IsControl(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*'
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }
            clean.Append(c);
        }
        name = string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (name.Length == 0)
        {
            return null;
        }
        var extension = Path.GetExtension(name);
        var stem = name[..^extension.Length];
        if (ReservedNames.Contains(stem))
        {
            stem = "_" + stem;
        }
        if (extension.Length > 16)
        {
            extension = "";
            stem = name;
        }
        if (stem.Length + extension.Length > FileNameMax)
        {
            stem = stem[..(FileNameMax - extension.Length)].TrimEnd('.', ' ');
        }
        return stem.Length == 0 ? null : stem + extension;
    }

    /// <summary>
    /// Checks a staged upload and returns its sanitised name and sniffed kind; refuses (400 on <c>File</c> or
    /// <c>FileName</c>) a file that is empty, over the cap, of no allowed kind, or whose extension does not agree with
    /// its content. <paramref name="allowed"/> narrows the kinds (a CV: PDF or Word); all of <see cref="FileKind.All"/> by default.
    /// </summary>
    public (string FileName, FileKind Kind) Check(string? fileName, StagedFile file, IReadOnlyCollection<FileKind>? allowed = null)
    {
        allowed ??= FileKind.All;
        var name = SanitizeFileName(fileName)
                   ?? throw DomainValidationException.For("FileName", "The file needs a name.");
        if (file.File.Size == 0)
        {
            throw DomainValidationException.For("File", "The file is empty.");
        }
        if (file.File.Size > MaxBytes)
        {
            throw FileStore.TooLarge(MaxBytes);
        }
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var allowedList = string.Join(", ", allowed.SelectMany(k => k.Extensions));
        if (!allowed.Any(k => k.Extensions.Contains(extension)))
        {
            throw DomainValidationException.For("File", $"Files of type '{(extension.Length == 0 ? "(none)" : extension)}' are not accepted; allowed: {allowedList}.");
        }
        var kind = ContentSniffer.Sniff(file.Path, extension);
        if (kind is null || !allowed.Contains(kind))
        {
            throw DomainValidationException.For("File", $"The content of '{name}' is not an accepted file type (allowed: {allowedList}).");
        }
        if (!kind.Extensions.Contains(extension))
        {
            throw DomainValidationException.For("File", $"'{name}' is a {kind.Name} by its content; its name must end in {string.Join(" or ", kind.Extensions)}.");
        }
        return (name, kind);
    }
}
