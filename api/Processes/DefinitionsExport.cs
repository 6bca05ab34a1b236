using System.IO.Compression;
using System.Text;
using Ctms.Api.Engine;
using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ctms.Api.Processes;

/// <summary>
/// Writes the current definitions back to files, so that the CTI office keeps what it edited in the studio under
/// version control: the latest version of every process as <c>&lt;resource name&gt;.bpmn</c> and the latest version of
/// every form as <c>forms/&lt;formId&gt;.form</c>, byte for byte as deployed, so that deploying the files again (the
/// start-up deployer) finds every content unchanged and makes no new version.
/// </summary>
internal sealed class DefinitionsExport(IEngineStore store, EngineDbContext db, IOptions<EngineHostOptions> options, IHostEnvironment environment)
{
    // Without a byte order mark: a file's content hash is what decides whether a deploy makes a new version.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The files, by path relative to the export folder (forward slashes), in a stable order.</summary>
    public async Task<IReadOnlyList<(string Path, string Content)>> FilesAsync(CancellationToken ct)
    {
        var files = new List<(string, string)>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var latest = (await store.LatestDefinitionsAsync(ct)).OrderBy(d => d.ProcessId, StringComparer.Ordinal).ToList();
        // Processes deployed from one file share its content: one file for them. A resource name that different
        // contents were deployed under (an upload always named "diagram.bpmn") gives way to the process ids.
        foreach (var group in latest.GroupBy(d => d.Hash))
        {
            var first = group.First();
            var byResource = !latest.Any(d => d.ResourceName == first.ResourceName && d.Hash != first.Hash);
            var name = Unique(FileName(byResource ? first.ResourceName : first.ProcessId, ".bpmn", first.ProcessId), used);
            files.Add((name, first.Xml));
        }
        var forms = db.Set<FormRow>().AsNoTracking();
        var latestForms = await forms.Where(f => f.Version == forms.Where(x => x.FormId == f.FormId).Max(x => x.Version)).ToListAsync(ct);
        foreach (var form in latestForms.OrderBy(f => f.FormId, StringComparer.Ordinal))
        {
            files.Add(("forms/" + Unique(FileName(form.FormId, ".form", "form"), used, "forms/"), form.Json));
        }
        return files;
    }

    /// <summary>Writes the files into <paramref name="folder"/> (created if missing); existing files of the same name are replaced.</summary>
    public async Task<int> WriteAsync(string folder, CancellationToken ct)
    {
        var files = await FilesAsync(ct);
        foreach (var (path, content) in files)
        {
            var target = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, content, Utf8, ct);
        }
        return files.Count;
    }

    /// <summary>The same files as a zip archive.</summary>
    public async Task<byte[]> ZipAsync(CancellationToken ct)
    {
        var files = await FilesAsync(ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                await using var stream = await entry.OpenAsync(ct);
                await stream.WriteAsync(Utf8.GetBytes(content), ct);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The folder the start-up deployer reads: <c>Engine:DefinitionsPath</c>, else the nearest <c>process-definitions</c>
    /// above the content root, else a new one in the content root.
    /// </summary>
    public string DefaultFolder()
    {
        if (options.Value.DefinitionsPath is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured, environment.ContentRootPath);
        }
        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "process-definitions")))
            {
                return Path.Combine(dir.FullName, "process-definitions");
            }
        }
        return Path.Combine(environment.ContentRootPath, "process-definitions");
    }

    /// <summary>
    /// A safe file name from a resource name or an id: no folders, only letters, digits, '.', '-' and '_', no leading
    /// dot, at most 100 characters, with <paramref name="extension"/>.
    /// </summary>
    internal static string FileName(string raw, string extension, string fallback)
    {
        var name = raw.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^extension.Length];
        }
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }
        var result = safe.ToString().Trim('.', '-');
        if (result.Length == 0)
        {
            result = fallback;
        }
        return (result.Length > 100 ? result[..100] : result) + extension;
    }

    private static string Unique(string name, HashSet<string> used, string prefix = "")
    {
        var candidate = name;
        var extension = Path.GetExtension(name);
        for (var n = 2; !used.Add(prefix + candidate); n++)
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)}-{n}{extension}";
        }
        return candidate;
    }
}
