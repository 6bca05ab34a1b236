using System.Security.Cryptography;

namespace Ctms.Domain.Documents;

/// <summary>
/// Content-addressed files on disk: a file lives at <c>ab/cd/&lt;sha256&gt;</c> under the store's root, is written to a
/// temporary file first and moved into place in one step, and is never overwritten (the same content has the same
/// address). Knows nothing of projects, so every module that keeps files (documents, CVs, signed contracts) uses it.
/// </summary>
public sealed class FileStore(FileStoreOptions options)
{
    private const string TempFolder = "tmp";

    public string RootPath { get; } = Path.GetFullPath(options.RootPath);

    /// <summary>
    /// Copies the content to a temporary file of the store, hashing it on the way; more than <paramref name="maxBytes"/>
    /// is refused (a 400 on field <c>File</c>) and leaves nothing behind. Dispose the result to drop the file
    /// unless it was committed.
    /// </summary>
    public async Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        var folder = Path.Combine(RootPath, TempFolder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }
                    sha.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                await target.FlushAsync(ct);
            }
            return new StagedFile(this, path, new StoredFile(Convert.ToHexStringLower(sha.GetHashAndReset()), size));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>The refusal of a file over the cap, the same wherever the cap is found out (here, or the request's body limit).</summary>
    public static Common.DomainValidationException TooLarge(long maxBytes) =>
        Common.DomainValidationException.For("File", $"The file is larger than the limit of {maxBytes / (1024.0 * 1024.0):0.#} MB ({maxBytes} bytes).");

    /// <summary>True when the content with this hash is in the store.</summary>
    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Opens a stored file for reading; <see cref="FileNotFoundException"/> when it is not there.</summary>
    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    /// <summary>The file's place in the store: <c>ab/cd/&lt;sha256&gt;</c>.</summary>
    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        }
        return Path.Combine(RootPath, sha256[..2], sha256[2..4], sha256);
    }

    /// <summary>Moves a staged file to its address; false when the same content was there already (the stage is dropped).</summary>
    internal bool Commit(string stagedPath, string sha256)
    {
        var target = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(stagedPath, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(stagedPath);
            return false;
        }
    }

    /// <summary>Removes a file this unit of work created when its database change did not commit.</summary>
    internal void Forget(string sha256) => File.Delete(PathOf(sha256));
}
