using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Signatures;
using Ctms.Domain.Subjects.Ecrf;
using Ctms.Domain.Subjects.Protocol;
using Ctms.Domain.Subjects.Queries;
using Ctms.Domain.Subjects.Visits;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.Subjects;

/// <summary>
/// A subject's visits (O11-O13): the schedule with windows and status, each visit's to-do list, and the e-CRF pages with
/// their queries and sign-off. Each page a visit names is entered in the form-js viewer on its released version, prefilled
/// with the saved data; the server's messages (a value the form refuses, an edit check that opened a query) go back on
/// the fields. Queries are raised and closed by the CRA or data manager and answered by the site; the investigator signs
/// with the password. A button shows only to whom its action is for; the domain decides again. No arm is shown here: the
/// allocation is the randomization part's to show.
/// </summary>
public partial class Visits
{
    private IReadOnlyList<SubjectVisitDto> _visits = [];
    private IReadOnlyList<EcrfEntryDto> _entries = [];
    private string? _refusal;
    private bool _mayEnter;
    private bool _mayQuery;
    private bool _maySign;
    private Guid _projectId;
    private bool _busy;
    private string? _actionFailure;

    // The page being entered, and what the server said of the last save.
    private Entering? _entering;
    private bool _viewerPending;
    private string? _reason;
    private string? _reasonError;
    private string? _entryFailure;
    private IReadOnlyDictionary<string, string[]> _entryErrors = new Dictionary<string, string[]>();
    private IReadOnlyList<EcrfQueryDto> _entryQueries = [];
    private ElementReference _viewerContainer;
    private IJSObjectReference? _module;
    private IJSObjectReference? _viewer;

    // What is typed per query and per entry.
    private readonly Dictionary<Guid, string> _answers = [];
    private readonly Dictionary<Guid, string> _raiseFields = [];
    private readonly Dictionary<Guid, string> _raiseTexts = [];
    private readonly Dictionary<Guid, string> _passwords = [];
    private readonly Dictionary<Guid, string> _signErrors = [];

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public Guid SubjectId { get; set; }

    private sealed record Entering(string VisitCode, string PageCode, string PageTitle, int Version, string Schema);

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _visits = await Sender.CommandAsync(new GetSubjectSchedule(SubjectId));
            _entries = await Sender.QueryAsync(new ListSubjectEcrf(SubjectId));
            _projectId = (await Sender.QueryAsync(new GetSubject(SubjectId))).ProjectId;
            _mayEnter = await Sender.MayAsync(ProjectActions.EcrfEnter, _projectId);
            _mayQuery = await Sender.MayAsync(ProjectActions.EcrfQuery, _projectId);
            _maySign = await Sender.MayAsync(ProjectActions.EcrfSignOff, _projectId);
            _refusal = null;
        }
        catch (Exception e) when (StudioSender.Refusal(e) is not null)
        {
            _refusal = T["NotFound"];
        }
    }

    private async Task ReloadAsync()
    {
        _visits = await Sender.CommandAsync(new GetSubjectSchedule(SubjectId));
        _entries = await Sender.QueryAsync(new ListSubjectEcrf(SubjectId));
    }

    private bool MayEnter(SubjectVisitDto visit) => _mayEnter && visit.Status is not (SubjectVisitStatus.Cancelled or SubjectVisitStatus.Missed);

    private EcrfEntryDto? EntryOf(string visitCode, string pageCode) => _entries.FirstOrDefault(e => e.VisitCode == visitCode && e.PageCode == pageCode);

    private static string Text(Dictionary<Guid, string> values, Guid id) => values.TryGetValue(id, out var value) ? value : "";

    /// <summary>Opens the page's released version in the viewer, prefilled with what was saved for this visit.</summary>
    private async Task StartEntryAsync(string visitCode, string pageCode)
    {
        ResetEntryMessages();
        _actionFailure = null;
        try
        {
            var page = await Sender.QueryAsync(new GetEcrfPage(_projectId, pageCode));
            if (page.Status != EcrfPageStatus.Released)
            {
                _actionFailure = string.Format(CultureInfo.CurrentCulture, E["Entry_NotReleased"], pageCode);
                return;
            }
            _entering = new Entering(visitCode, pageCode, page.Title, page.Version, page.Schema);
            _reason = null;
            _viewerPending = true;
        }
        catch (Exception e) when (StudioSender.Refusal(e) is not null)
        {
            _actionFailure = EcrfDesigner.Message(e);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_viewerPending || _entering is null)
        {
            return;
        }
        _viewerPending = false;
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./_content/Ctms.Studio/dist/form-viewer.js");
        await DestroyViewerAsync();
        var data = EntryOf(_entering.VisitCode, _entering.PageCode)?.Data.ToJsonString() ?? "{}";
        _viewer = await _module.InvokeAsync<IJSObjectReference>("open", _viewerContainer, _entering.Schema, data);
        StateHasChanged();
    }

    private async Task SaveEntryAsync()
    {
        if (_entering is not { } entering || _viewer is null || _module is null)
        {
            return;
        }
        _busy = true;
        ResetEntryMessages();
        try
        {
            // form-js checks the fields first and shows its messages on them; nothing is sent while it finds any.
            var submitted = JsonNode.Parse(await _module.InvokeAsync<string>("submit", _viewer))!.AsObject();
            if (submitted["valid"]?.GetValue<bool>() != true)
            {
                return;
            }
            var data = JsonNode.Parse(submitted["data"]?.ToJsonString() ?? "{}") as JsonObject ?? [];
            var before = EntryOf(entering.VisitCode, entering.PageCode)?.Queries.Select(q => q.Id).ToHashSet() ?? [];
            var saved = await Sender.CommandAsync(new SaveEcrfEntry(SubjectId, entering.VisitCode, entering.PageCode, data,
                string.IsNullOrWhiteSpace(_reason) ? null : _reason.Trim()));
            _reason = null;
            await ReloadAsync();
            // The edit checks that failed opened queries: the data is saved, and each new query's message goes on its field.
            _entryQueries = [.. saved.Queries.Where(q => q.CheckCode is not null && q.Status == EcrfQueryStatus.Open && !before.Contains(q.Id))];
            if (_entryQueries.Count > 0)
            {
                await ShowOnFieldsAsync(_entryQueries.GroupBy(q => q.Field).ToDictionary(g => g.Key, g => g.Select(q => q.Text).ToArray()));
            }
            else
            {
                Snackbar.Add(string.Format(CultureInfo.CurrentCulture, E["Entry_Saved"], entering.PageCode, entering.VisitCode), Severity.Success);
                await CloseEntryAsync();
            }
        }
        catch (DomainValidationException e)
        {
            // A value the released page refuses, or a change without its reason: nothing was saved.
            if (e.Errors.TryGetValue(nameof(SaveEcrfEntry.Reason), out var reason))
            {
                _reasonError = string.Join(" ", reason);
            }
            _entryErrors = e.Errors.Where(p => p.Key != nameof(SaveEcrfEntry.Reason)).ToDictionary(p => p.Key, p => p.Value);
            await ShowOnFieldsAsync(_entryErrors);
        }
        catch (Exception e) when (StudioSender.Refusal(e) is not null)
        {
            _entryFailure = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ShowOnFieldsAsync(IReadOnlyDictionary<string, string[]> errors)
    {
        if (_viewer is not null && _module is not null && errors.Count > 0)
        {
            await _module.InvokeAsync<string[]>("showErrors", _viewer, JsonSerializer.Serialize(errors));
        }
    }

    private async Task CloseEntryAsync()
    {
        await DestroyViewerAsync();
        _entering = null;
        ResetEntryMessages();
    }

    private void ResetEntryMessages()
    {
        _entryErrors = new Dictionary<string, string[]>();
        _entryQueries = [];
        _entryFailure = null;
        _reasonError = null;
    }

    private Task RaiseAsync(Guid entryId) => ActAsync(async () =>
    {
        await Sender.CommandAsync(new RaiseEcrfQuery(entryId, Text(_raiseFields, entryId), Text(_raiseTexts, entryId)));
        _raiseTexts.Remove(entryId);
        return E["Query_Raised"];
    });

    private Task AnswerAsync(Guid queryId) => ActAsync(async () =>
    {
        await Sender.CommandAsync(new AnswerEcrfQuery(queryId, Text(_answers, queryId)));
        _answers.Remove(queryId);
        return E["Query_Answered"];
    });

    private Task CloseQueryAsync(Guid queryId) => ActAsync(async () =>
    {
        await Sender.CommandAsync(new CloseEcrfQuery(queryId));
        return E["Query_Closed"];
    });

    /// <summary>The investigator's sign-off: the password is checked, then the page's data is signed with its meaning.</summary>
    private async Task SignAsync(Guid entryId)
    {
        _signErrors.Remove(entryId);
        var password = Text(_passwords, entryId);
        _passwords.Remove(entryId);
        await ActAsync(async () =>
        {
            await Sender.SignedCommandAsync(new SignEcrfEntry(entryId), password, EcrfEntry.SignatureMeaning);
            return E["Sign_Done"];
        }, entryId);
    }

    /// <summary>Runs one query or sign-off action and reloads; a refusal is shown (a wrong password on its field), never thrown.</summary>
    private async Task ActAsync(Func<Task<string>> action, Guid? signing = null)
    {
        _busy = true;
        _actionFailure = null;
        try
        {
            Snackbar.Add(await action(), Severity.Success);
            await ReloadAsync();
        }
        catch (DomainValidationException e) when (signing is { } entryId && e.Errors.TryGetValue(SignatureAuthenticator.PasswordField, out var messages))
        {
            // A missing or wrong password: nothing was signed; a wrong one counted toward lockout, and the refusal is audited.
            _signErrors[entryId] = string.Join(" ", messages);
        }
        catch (Exception e) when (StudioSender.Refusal(e) is not null)
        {
            _actionFailure = EcrfDesigner.Message(e);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DestroyViewerAsync()
    {
        if (_viewer is not null && _module is not null)
        {
            await _module.InvokeVoidAsync("destroy", _viewer);
            await _viewer.DisposeAsync();
        }
        _viewer = null;
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static Color StatusColor(SubjectVisitStatus status) => status switch
    {
        SubjectVisitStatus.Open => Color.Info,
        SubjectVisitStatus.Done => Color.Success,
        SubjectVisitStatus.Missed => Color.Error,
        SubjectVisitStatus.Cancelled => Color.Dark,
        _ => Color.Default,
    };

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        try
        {
            await DestroyViewerAsync();
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone: the browser page and its form with it.
        }
    }
}
