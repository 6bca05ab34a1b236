using System.Globalization;
using Ctms.Domain.Common;
using Ctms.Domain.Documents;
using Ctms.Domain.Projects;
using Ctms.Studio.Localization;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace Ctms.Studio.Components.Pages.Documents;

/// <summary>
/// A project's application materials: the checklist of its type and phase (done or missing, required marked), an upload
/// per item with a comment, each document's versions with their download, and the annotations of the chosen version.
/// The domain decides who may do what; the page hides what the user may not do and shows the domain's refusals.
/// </summary>
public partial class ProjectDocuments
{
    private ProjectDto? _project;
    private DocumentChecklistDto? _checklist;
    private IReadOnlyList<ProjectDocumentDto>? _documents;
    private DocumentVersionDto? _selected;
    private IReadOnlyList<DocumentAnnotationDto>? _annotations;
    private PendingUpload? _pending;
    private string? _otherTitle, _error;
    private bool _notFound, _mayUpload, _mayAnnotate, _busy;
    private long _maxBytes;

    [Parameter] public Guid ProjectId { get; set; }

    [Inject] private StudioSender Sender { get; set; } = default!;

    [Inject] private FileStoreOptions StoreOptions { get; set; } = default!;

    [Inject] private IStringLocalizer<DocumentsStrings> Text { get; set; } = default!;

    /// <summary>A file chosen for a checklist item (or a free category), waiting for its comment.</summary>
    private sealed class PendingUpload(string code, string title, IBrowserFile file)
    {
        public string Code { get; } = code;
        public string Title { get; } = title;
        public IBrowserFile File { get; } = file;
        public string? Comment { get; set; }
    }

    protected override async Task OnParametersSetAsync()
    {
        _maxBytes = StoreOptions.MaxBytes;
        try
        {
            _project = await Sender.QueryAsync(new GetProject(ProjectId));
        }
        catch (NotFoundException)
        {
            _notFound = true;
            return;
        }
        var permissions = await Sender.QueryAsync(new GetDocumentPermissions(ProjectId));
        (_mayUpload, _mayAnnotate) = (permissions.MayUpload, permissions.MayAnnotate);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _checklist = await Sender.QueryAsync(new GetDocumentChecklist(ProjectId));
        _documents = await Sender.QueryAsync(new ListProjectDocuments(ProjectId));
        if (_selected is not null)
        {
            _selected = _documents.SelectMany(d => d.Versions).FirstOrDefault(v => v.Id == _selected.Id);
            _annotations = _selected is null ? null : await Sender.QueryAsync(new ListAnnotations(VersionId: _selected.Id));
        }
    }

    private void Choose(string code, string? title, IBrowserFile? file)
    {
        _error = null;
        if (file is null)
        {
            return;
        }
        if (file.Size > _maxBytes)
        {
            _error = string.Format(CultureInfo.CurrentCulture, Text["TooLarge"], file.Name, FormatSize(_maxBytes));
            return;
        }
        _pending = new PendingUpload(code, title ?? code, file);
    }

    private async Task UploadAsync()
    {
        if (_pending is null)
        {
            return;
        }
        _busy = true;
        _error = null;
        try
        {
            await using var content = _pending.File.OpenReadStream(_maxBytes);
            var title = _pending.Code == "other" ? _pending.Title : null;
            await Sender.CommandAsync(new UploadDocument(ProjectId, _pending.Code, _pending.File.Name, content, _pending.Comment, title));
            _pending = null;
            _otherTitle = null;
            await ReloadAsync();
        }
        catch (Exception e) when (e is DomainValidationException or ConflictException or ForbiddenException or NotFoundException or IOException)
        {
            _error = Describe(e);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SelectAsync(DocumentVersionDto version)
    {
        _selected = version;
        _annotations = null;
        _annotations = await Sender.QueryAsync(new ListAnnotations(VersionId: version.Id));
    }

    private Task AnnotationsChangedAsync() => ReloadAsync();

    /// <summary>The download link: the API checks access again, sends the sniffed type and, for a PDF to read, shows it inline.</summary>
    private static string ContentUrl(DocumentVersionDto version, bool inline) =>
        $"api/documents/versions/{version.Id}/content{(inline ? "?inline=true" : "")}";

    internal static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => string.Format(CultureInfo.CurrentCulture, "{0} B", bytes),
        < 1024 * 1024 => string.Format(CultureInfo.CurrentCulture, "{0:0.#} KB", bytes / 1024.0),
        _ => string.Format(CultureInfo.CurrentCulture, "{0:0.#} MB", bytes / (1024.0 * 1024.0)),
    };

    internal static string Describe(Exception e) => e is DomainValidationException v
        ? string.Join(" ", v.Errors.SelectMany(p => p.Value))
        : e.Message;
}
