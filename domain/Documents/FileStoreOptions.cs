namespace Ctms.Domain.Documents;

/// <summary>Where uploaded files live and how big one may be (configuration section <c>Documents</c>).</summary>
public sealed class FileStoreOptions
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>The folder of the store, <c>documents/</c> under <c>Ctms:DataPath</c> unless configured.</summary>
    public string RootPath { get; set; } = "";

    /// <summary>The size cap of one upload, <c>Documents:MaxBytes</c>; 50 MB by default.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
