using Ctms.Domain.Common;
using Ctms.Domain.Documents;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;

namespace Ctms.Studio.Components.Pages.Documents;

/// <summary>The annotations of one document version: the CTI office adds and resolves them, the applicant reads them.</summary>
public partial class DocumentAnnotations
{
    private string? _text, _anchor, _error;
    private int? _page;
    private bool _busy;

    [Parameter, EditorRequired] public DocumentVersionDto Version { get; set; } = default!;

    [Parameter] public IReadOnlyList<DocumentAnnotationDto>? Annotations { get; set; }

    [Parameter] public bool MayAnnotate { get; set; }

    /// <summary>Raised after an annotation was added or resolved, so the page reloads the counts and the list.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    [Inject] private StudioSender Sender { get; set; } = default!;

    private Task AddAsync() => RunAsync(async () =>
    {
        await Sender.CommandAsync(new AddAnnotation(Version.Id, _text ?? "", _page, _anchor));
        (_text, _page, _anchor) = (null, null, null);
    });

    private Task ResolveAsync(DocumentAnnotationDto annotation) => RunAsync(() => Sender.CommandAsync(new ResolveAnnotation(annotation.Id)));

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
            await Changed.InvokeAsync();
        }
        catch (Exception e) when (e is DomainValidationException or ConflictException or ForbiddenException or NotFoundException)
        {
            _error = ProjectDocuments.Describe(e);
        }
        finally
        {
            _busy = false;
        }
    }
}
