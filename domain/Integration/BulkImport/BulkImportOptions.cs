namespace Ctms.Domain.Integration.BulkImport;

/// <summary>Bulk imports of lab results (configuration section <c>Integration:BulkImport</c>).</summary>
public sealed class BulkImportOptions
{
    public const string Section = "Integration:BulkImport";

    /// <summary>Where the imported files are kept (so a failed run resumes); <c>imports/</c> under <c>Ctms:DataPath</c> unless set.</summary>
    public string FolderPath { get; set; } = "";

    /// <summary>Lines per transaction: the rows and the checkpoint of a chunk commit together.</summary>
    public int ChunkSize { get; set; } = 5000;

    /// <summary>Broken lines recorded per run with their number and reason; the rest are counted.</summary>
    public int MaxErrorsKept { get; set; } = 1000;

    /// <summary>The largest upload accepted.</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How long to wait for the hospital's export when it gives no Retry-After.</summary>
    public TimeSpan ExportPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an export may take at the hospital before the run fails (it can be resumed).</summary>
    public TimeSpan ExportTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
