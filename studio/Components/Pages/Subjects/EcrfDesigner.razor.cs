using System.Globalization;
using System.Text.Json.Nodes;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Subjects.Protocol;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.Subjects;

/// <summary>
/// The e-CRF designer (O03): the project's pages with their versions and status, a page opened in the form-js editor with
/// its edit checks (field, FEEL that must hold, the query's message), saved as a draft and released for data entry. A
/// released version is not changed: saving it makes the next version a draft. For the PI and the data manager
/// (<see cref="ProjectActions.SubjectsConfigure"/>); the domain checks every command again.
/// </summary>
public partial class EcrfDesigner
{
    private IReadOnlyList<EcrfPageSummaryDto>? _pages;
    private Current? _current;
    private string _title = "";
    private List<CheckRow> _checks = [];
    private string _newCode = "";
    private string _newTitle = "";
    private string? _refusal;
    private string? _failure;
    private bool _busy;
    private string? _schemaToLoad;
    private ElementReference _editorContainer;
    private IJSObjectReference? _module;
    private IJSObjectReference? _editor;

    [Inject] private StudioSender Sender { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter] public Guid ProjectId { get; set; }

    /// <summary>The page in the editor: its code, the version shown (null for a page not saved yet) and its status; a newer draft the domain does not hand out.</summary>
    private sealed record Current(string Code, int? Version, EcrfPageStatus? Status, int? HiddenDraft);

    private sealed class CheckRow
    {
        public string Code { get; set; } = "";
        public string Field { get; set; } = "";
        public string Expression { get; set; } = "";
        public string Message { get; set; } = "";
    }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            if (!await Sender.MayAsync(ProjectActions.SubjectsConfigure, ProjectId))
            {
                // Whoever may not even read the project's subjects learns nothing of it; a reader is told the design is not theirs.
                _refusal = await Sender.MayAsync(ProjectActions.ReadSubjects, ProjectId) ? T["Designer_Refused"] : T["Designer_NotFound"];
                return;
            }
            await LoadListAsync();
        }
        catch (Exception e) when (StudioSender.Refusal(e) is not null)
        {
            _refusal = T["Designer_NotFound"];
        }
    }

    private async Task LoadListAsync() => _pages = (await Sender.QueryAsync(new GetProtocol(ProjectId))).EcrfPages;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_schemaToLoad is not { } schema || _current is null)
        {
            return;
        }
        _schemaToLoad = null;
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./_content/Ctms.Studio/dist/form-editor.js");
        if (_editor is null)
        {
            _editor = await _module.InvokeAsync<IJSObjectReference>("open", _editorContainer, schema);
        }
        else
        {
            await _module.InvokeVoidAsync("load", _editor, schema);
        }
        StateHasChanged();
    }

    private async Task OpenAsync(string code)
    {
        _failure = null;
        try
        {
            var page = await Sender.QueryAsync(new GetEcrfPage(ProjectId, code));
            var latest = _pages?.Where(p => p.Code == code).MaxBy(p => p.Version);
            var hidden = latest is { Status: EcrfPageStatus.Draft } && latest.Version > page.Version ? latest.Version : (int?)null;
            Show(new Current(code, page.Version, page.Status, hidden), page.Title, page.Schema, page.EditChecks);
        }
        catch (Exception e) when (StudioSender.Refusal(e) is not null)
        {
            _failure = Message(e);
        }
    }

    private void Create()
    {
        _failure = null;
        var code = _newCode.Trim();
        if (code.Length == 0 || string.IsNullOrWhiteSpace(_newTitle))
        {
            _failure = T["Designer_NewRequired"];
            return;
        }
        if (_pages?.Any(p => p.Code == code) == true)
        {
            _failure = string.Format(CultureInfo.CurrentCulture, T["Designer_Exists"], code);
            return;
        }
        var schema = new JsonObject { ["id"] = "ecrf-" + code, ["type"] = "default", ["components"] = new JsonArray() }.ToJsonString();
        Show(new Current(code, null, null, null), _newTitle.Trim(), schema, []);
        _newCode = "";
        _newTitle = "";
    }

    private void Show(Current current, string title, string schema, IReadOnlyList<EditCheck> checks)
    {
        _current = current;
        _title = title;
        _checks = [.. checks.Select(c => new CheckRow { Code = c.Code, Field = c.Field, Expression = c.Expression, Message = c.Message })];
        _schemaToLoad = schema;
    }

    private void AddCheck() => _checks.Add(new CheckRow { Code = "EC" + (_checks.Count + 1).ToString(CultureInfo.InvariantCulture) });

    /// <summary>Saves the editor's form and the checks: the draft changes, or a released version's change becomes the next draft.</summary>
    private Task SaveAsync() => RunAsync(async () =>
    {
        var schema = await _module!.InvokeAsync<string>("schema", _editor);
        var checks = _checks.Select(c => new EditCheck(c.Code.Trim(), c.Field.Trim(), c.Expression.Trim(), c.Message.Trim())).ToList();
        return await Sender.CommandAsync(new SaveEcrfPage(ProjectId, _current!.Code, _title, schema, checks));
    }, T["Designer_Saved"]);

    private Task ReleaseAsync() => RunAsync(() => Sender.CommandAsync(new ReleaseEcrfPage(ProjectId, _current!.Code)), T["Designer_Released"]);

    /// <summary>Runs a command on the page in the editor; what it answers becomes the page shown, a refusal is shown as the domain gives it.</summary>
    private async Task RunAsync(Func<Task<EcrfPageSummaryDto>> command, string done)
    {
        if (_current is null || _editor is null || _module is null)
        {
            return;
        }
        _busy = true;
        _failure = null;
        try
        {
            var page = await command();
            _current = new Current(page.Code, page.Version, page.Status, null);
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, done, page.Code, page.Version), Severity.Success);
            await LoadListAsync();
        }
        catch (Exception e) when (StudioSender.Refusal(e) is not null)
        {
            _failure = Message(e);
        }
        finally
        {
            _busy = false;
        }
    }

    private string Heading() => _current is not { } c ? ""
        : c.Version is null ? string.Format(CultureInfo.CurrentCulture, T["Designer_HeadingNew"], c.Code)
        : string.Format(CultureInfo.CurrentCulture, T["Designer_Heading"], c.Code, c.Version, T["PageStatus_" + c.Status]);

    /// <summary>The domain's refusal as the person reads it: the field messages of an invalid page, else the reason.</summary>
    internal static string Message(Exception e) => e is DomainValidationException invalid
        ? string.Join(" ", invalid.Errors.SelectMany(p => p.Value))
        : e.Message;

    internal static Color StatusColor(EcrfPageStatus status) => status switch
    {
        EcrfPageStatus.Draft => Color.Warning,
        EcrfPageStatus.Released => Color.Success,
        _ => Color.Default,
    };

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("destroy", _editor);
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the editor with it.
        }
    }
}
