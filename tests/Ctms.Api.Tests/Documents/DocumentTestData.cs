using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Documents;

// The API's document responses as a client reads them.
public sealed record VersionBody(Guid Id, Guid DocumentId, Guid ProjectId, string Code, string DocumentTitle, int Number, string FileName,
    string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt, string? Comment, int OpenAnnotations);

public sealed record DocumentBody(Guid Id, Guid ProjectId, string Code, string Title, bool OnChecklist, string CreatedBy, List<VersionBody> Versions);

public sealed record AnnotationBody(Guid Id, Guid VersionId, Guid DocumentId, string DocumentTitle, int VersionNumber, string Text, int? Page,
    string? Anchor, string Author, string? ResolvedBy, DateTimeOffset? ResolvedAt);

public sealed record ChecklistItemBody(string Code, string Title, bool Required, Guid? DocumentId, int? LatestVersion);

public sealed record PermissionsBody(bool MayUpload, bool MayAnnotate);

public sealed record ChecklistBody(List<ChecklistItemBody> Items, bool Complete);

/// <summary>Projects with an applicant and a PI, files of each kind, and uploads, for the document tests.</summary>
internal static class DocumentTestData
{
    public sealed record Study(Guid Id, HttpClient Applicant, string ApplicantName, HttpClient Pi, string PiName);

    /// <summary>A project of the type and phase (created by the host), with a new applicant and PI as its members.</summary>
    public static async Task<Study> StudyAsync(CtmsAppFactory app, TrialPhase phase = TrialPhase.PhaseII,
        ProjectType type = ProjectType.SponsorInitiated)
    {
        var (applicant, applicantName) = await app.UserAsync("applicant");
        var (pi, piName) = await app.UserAsync("pi");
        ProjectDto project;
        await using (var scope = app.Scope())
        {
            project = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateProject(
                "DOC-" + Guid.NewGuid().ToString("N")[..8], "A study with documents", "Sponsor Ltd.", phase, type, PiUserName: piName));
        }
        using var admin = await app.AdminAsync();
        (await admin.PostAsJsonAsync($"/api/projects/{project.Id}/members", new { userName = applicantName, role = "applicant" }))
            .EnsureSuccessStatusCode();
        return new Study(project.Id, applicant, applicantName, pi, piName);
    }

    /// <summary>Moves the project on in its life cycle, as the approval processes would.</summary>
    public static async Task MoveAsync(CtmsAppFactory app, Guid projectId, params ProjectStatus[] path)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var project = await db.Projects.SingleAsync(p => p.Id == projectId);
        foreach (var status in path)
        {
            project.MoveTo(status, DateTimeOffset.UtcNow);
        }
        await db.SaveChangesAsync();
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid projectId, string code, string fileName, byte[] content,
        string? comment = null, string? title = null, string claimedType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(claimedType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(code), "code");
        if (comment is not null)
        {
            form.Add(new StringContent(comment), "comment");
        }
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }
        return client.PostAsync($"/api/projects/{projectId}/documents", form);
    }

    /// <summary>A small valid-looking PDF; <paramref name="text"/> makes its content (and hash) distinct.</summary>
    public static byte[] Pdf(string text = "protocol v1") =>
        Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A Windows executable's first bytes, which no extension makes a document.</summary>
    public static byte[] Executable() => [.. "MZ"u8.ToArray(), 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[200]];

    /// <summary>A minimal Word document: a ZIP with <c>[Content_Types].xml</c> and the main part.</summary>
    public static byte[] Docx(string text = "Informed consent")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """);
            Write(zip, "word/document.xml", $"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>");
        }
        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        // A fixed time: the same text makes the same bytes (and hash), whenever it is built.
        var entry = zip.CreateEntry(name);
        entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    /// <summary>Every file under the store's folder, temporary ones included.</summary>
    public static string[] FilesOnDisk(CtmsAppFactory app)
    {
        var root = Path.Combine(app.DataPath, "documents");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
    }

    /// <summary>The paths of the refused requests the audit trail names the user for.</summary>
    public static async Task<List<string>> RefusedPathsAsync(CtmsAppFactory app, string userName)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        return await (from a in db.AuditRecords
                      where a.EntityType == "RefusedAttempt" && a.Field == "Path" && a.UserName == userName
                      select a.NewValue!).ToListAsync();
    }

    /// <summary>The one notification of the template the user was sent.</summary>
    public static async Task<Ctms.Domain.Notifications.Notification> NotificationAsync(CtmsAppFactory app, string userName, string template)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientUserName == userName && n.Template == template);
    }

    public static async Task<int> VersionRowsAsync(CtmsAppFactory app, Guid projectId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        return await (from v in db.DocumentVersions join d in db.ProjectDocuments on v.DocumentId equals d.Id where d.ProjectId == projectId select v).CountAsync();
    }
}
