using System.Globalization;
using System.Text.Json;
using Ctms.Engine.Parsing;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.Definitions;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.Processes;

/// <summary>
/// The process designer: one definition (a deployed version, or a new one) in the bpmn-js modeler, with the engine's
/// own validation and simulation, deploy, version comparison, import and download. The diagram lives in the browser;
/// the page asks the module for its XML whenever the engine needs it.
/// </summary>
public sealed partial class ProcessDesigner
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private const string SampleScript = """
        {
          "variables": {},
          "services": {},
          "steps": []
        }
        """;

    [Parameter] public string? ProcessId { get; set; }

    [SupplyParameterFromQuery] public int? Version { get; set; }

    /// <summary>For a new definition: its process id and name.</summary>
    [SupplyParameterFromQuery(Name = "processId")] public string? NewProcessId { get; set; }

    [SupplyParameterFromQuery(Name = "name")] public string? NewName { get; set; }

    private ElementReference _canvas;
    private ElementReference _panel;
    private ElementReference _fileInput;
    private ElementReference _compareLeft;
    private ElementReference _compareRight;
    private IJSObjectReference? _module;
    private IJSObjectReference? _modeler;
    private DotNetObjectReference<ProcessDesigner>? _self;

    private string? _loadedKey;
    private string? _xml;
    private bool _needsOpen;
    private string? _loadError;
    private IReadOnlyList<DefinitionVersionSummary> _versions = [];
    private int _shownVersion;
    private string? _resourceName;
    private string? _processName;
    private IReadOnlyList<ActivityDescriptor> _activities = [];

    private bool _dirty;
    private bool _busy;
    private Selection? _selection;
    private string _activityFilter = "";

    private List<ProblemView>? _problems;
    private string? _validMessage;

    private bool _simulateOpen;
    private string _script = SampleScript;
    private string? _simulationOutcome;
    private string? _simulationState;
    private string? _simulationError;

    private bool _comparing;
    private bool _refit;
    private bool _compareNeedsRun;
    private int _leftVersion;
    private int _rightVersion;
    private DiffView? _diff;

    private string Title => ProcessId is null
        ? string.Format(CultureInfo.CurrentCulture, T["Designer_NewTitle"], _processName ?? NewProcessId)
        : $"{_processName ?? ProcessId} · v{_shownVersion}";

    private IEnumerable<ActivityDescriptor> FilteredActivities => _activities.Where(a => _activityFilter.Length == 0
        || a.Type.Contains(_activityFilter, StringComparison.OrdinalIgnoreCase)
        || a.Category.Contains(_activityFilter, StringComparison.OrdinalIgnoreCase)
        || a.Description.Contains(_activityFilter, StringComparison.OrdinalIgnoreCase));

    protected override async Task OnParametersSetAsync()
    {
        var key = $"{ProcessId}|{Version}|{NewProcessId}|{NewName}";
        if (key == _loadedKey)
        {
            return;
        }
        _loadedKey = key;
        _loadError = null;
        _problems = null;
        _validMessage = null;
        _diff = null;
        _comparing = false;
        _simulationOutcome = null;
        _simulationError = null;
        _activities = await Engine.QueryAsync((services, _) => Task.FromResult(services.GetRequiredService<ActivityRegistry>().Descriptors));
        if (ProcessId is null)
        {
            var id = NewProcessId?.Trim() ?? "";
            if (!NewDefinition.IsValidProcessId(id))
            {
                _loadError = T["New_ProcessIdInvalid"];
                _xml = null;
                return;
            }
            _versions = [];
            _resourceName = id + ".bpmn";
            _processName = string.IsNullOrWhiteSpace(NewName) ? id : NewName.Trim();
            _xml = NewDefinition.Xml(id, NewName);
            _needsOpen = true;
            return;
        }
        var (versions, shown) = await Engine.QueryAsync(async (services, ct) =>
        {
            var store = services.GetRequiredService<IEngineStore>();
            var summary = (await DefinitionCatalog.ListAsync(store, ct)).FirstOrDefault(d => d.ProcessId == ProcessId);
            var definition = summary is null ? null : await store.DefinitionAsync(ProcessId, Version ?? summary.LatestVersion, ct);
            return (summary?.Versions ?? [], definition);
        });
        _versions = versions;
        if (shown is null)
        {
            _loadError = Version is null
                ? string.Format(CultureInfo.CurrentCulture, T["Designer_NotFound"], ProcessId)
                : string.Format(CultureInfo.CurrentCulture, T["Designer_VersionNotFound"], ProcessId, Version);
            _xml = null;
            await DestroyModelerAsync();
            return;
        }
        _shownVersion = shown.Version;
        _resourceName = shown.ResourceName;
        _processName = shown.Name;
        _xml = shown.Xml;
        // By default the shown version against the one before it, or (the first version) against the diagram as edited.
        _leftVersion = versions.FirstOrDefault(v => v.Version < shown.Version)?.Version ?? shown.Version;
        _rightVersion = _leftVersion == shown.Version ? 0 : shown.Version;
        _needsOpen = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_needsOpen && _xml is not null)
        {
            _needsOpen = false;
            await DestroyModelerAsync();
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./_content/Ctms.Studio/dist/designer.js");
            _self ??= DotNetObjectReference.Create(this);
            try
            {
                _modeler = await _module.InvokeAsync<IJSObjectReference>("open", _canvas, _panel, _xml, _self, CultureInfo.CurrentUICulture.Name);
            }
            catch (JSException e)
            {
                _loadError = string.Format(CultureInfo.CurrentCulture, T["Designer_OpenFailed"], e.Message);
            }
            // A new definition is unsaved until deployed.
            _dirty = ProcessId is null;
            StateHasChanged();
        }
        if (_refit && _modeler is not null)
        {
            // The canvas changed its width (a side panel opened or closed): the whole diagram in view again.
            _refit = false;
            await _module!.InvokeVoidAsync("fit", _modeler);
        }
        if (_compareNeedsRun && _comparing && _module is not null)
        {
            _compareNeedsRun = false;
            await CompareAsync();
        }
    }

    [JSInvokable]
    public Task OnDiagramChanged(bool dirty) => InvokeAsync(() =>
    {
        _dirty = dirty;
        StateHasChanged();
    });

    [JSInvokable]
    public Task OnSelectionChanged(string? elementId, string? type, bool isJobTask, string? taskType) => InvokeAsync(() =>
    {
        var selection = elementId is null ? null : new Selection(elementId, type, isJobTask, taskType);
        if (selection != _selection)
        {
            _selection = selection;
            StateHasChanged();
        }
    });

    /// <summary>Leaving the page (another version, another page) with unsaved changes asks first.</summary>
    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (_dirty && !await JS.InvokeAsync<bool>("confirm", T["Leave_Confirm"].Value))
        {
            context.PreventNavigation();
        }
    }

    private void ShowVersion(int version) =>
        Navigation.NavigateTo($"processes/{Uri.EscapeDataString(ProcessId!)}?version={version}");

    private async Task<string?> CurrentXmlAsync() => _modeler is null ? null : await _module!.InvokeAsync<string>("xml", _modeler);

    private async Task<IReadOnlyList<BpmnProblem>> ProblemsAsync(string xml) =>
        await Engine.QueryAsync((services, ct) =>
            DefinitionCatalog.ValidateAsync(services.GetRequiredService<IEngineStore>(), services.GetRequiredService<IActivityRegistry>(), xml, ct));

    private async Task ValidateAsync()
    {
        if (await CurrentXmlAsync() is not { } xml)
        {
            return;
        }
        var problems = await ProblemsAsync(xml);
        await ShowProblemsAsync(problems);
        _validMessage = problems.Count == 0 ? T["Validate_Ok"].Value : null;
    }

    private async Task ShowProblemsAsync(IReadOnlyList<BpmnProblem> problems)
    {
        _problems = [.. problems.Select(p => new ProblemView(p.Code, p.Location.ElementId, p.Location.ElementType, p.Location.Line, p.Message))];
        if (_modeler is not null)
        {
            if (problems.Count == 0)
            {
                await _module!.InvokeVoidAsync("clearMarks", _modeler);
            }
            else
            {
                await _module!.InvokeAsync<JsonElement>("showProblems", _modeler, _problems);
            }
        }
    }

    private async Task DeployAsync()
    {
        if (await CurrentXmlAsync() is not { } xml)
        {
            return;
        }
        _busy = true;
        try
        {
            // The same checks the deploy makes, first, so that a refused definition shows its problems on the diagram.
            var problems = await ProblemsAsync(xml);
            if (problems.Count > 0)
            {
                await ShowProblemsAsync(problems);
                Snackbar.Add(T["Deploy_Refused"], Severity.Error);
                return;
            }
            var resource = _resourceName ?? (ProcessId ?? NewProcessId) + ".bpmn";
            IReadOnlyList<DeployedProcess> deployed;
            try
            {
                deployed = await Engine.CommandAsync((services, ct) => services.GetRequiredService<BpmnEngine>().DeployAsync(resource, xml, ct));
            }
            catch (BpmnValidationException e)
            {
                await ShowProblemsAsync(e.Problems);
                Snackbar.Add(T["Deploy_Refused"], Severity.Error);
                return;
            }
            await ShowProblemsAsync([]);
            await _module!.InvokeVoidAsync("markSaved", _modeler);
            _dirty = false;
            var main = deployed.FirstOrDefault(d => d.ProcessId == ProcessId) ?? deployed[0];
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, T["Deploy_Done"], main.ProcessId, main.Version), Severity.Success);
            // Show the deployed version (a new definition, or a diagram whose process id was changed, lives at its id).
            _loadedKey = null;
            Navigation.NavigateTo($"processes/{Uri.EscapeDataString(main.ProcessId)}?version={main.Version}");
        }
        finally
        {
            _busy = false;
        }
    }

    private void ToggleSimulate()
    {
        _simulateOpen = !_simulateOpen;
        _refit = true;
    }

    private async Task SimulateAsync()
    {
        _simulationError = null;
        _simulationOutcome = null;
        if (await CurrentXmlAsync() is not { } xml)
        {
            return;
        }
        SimulationScript script;
        try
        {
            script = string.IsNullOrWhiteSpace(_script) ? SimulationScript.Empty : SimulationScript.Parse(_script);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            _simulationError = string.Format(CultureInfo.CurrentCulture, T["Simulate_BadScript"], e.Message);
            return;
        }
        _busy = true;
        try
        {
            // Called processes come from what is deployed, so that a call activity can be followed; never another
            // version of a process this diagram defines, which would replace it.
            var own = BpmnParser.Parse(xml).Processes.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            var files = await Engine.QueryAsync(async (services, ct) =>
            {
                var latest = await services.GetRequiredService<IEngineStore>().LatestDefinitionsAsync(ct);
                var clashing = latest.Where(d => own.Contains(d.ProcessId)).Select(d => d.Hash).ToHashSet(StringComparer.Ordinal);
                return latest.Where(d => !clashing.Contains(d.Hash)).DistinctBy(d => d.Hash).Select(d => (d.ResourceName, d.Xml)).ToList();
            });
            var result = await Simulator.RunAsync([("designer.bpmn", xml), .. files], script);
            _simulationState = result.State;
            _simulationOutcome = JsonSerializer.Serialize(result, Web);
            _problems = null;
            await _module!.InvokeVoidAsync("showTrace", _modeler, JsonDocument.Parse(_simulationOutcome).RootElement);
        }
        catch (BpmnValidationException e)
        {
            await ShowProblemsAsync(e.Problems);
            _simulationError = T["Simulate_Invalid"];
        }
        catch (SimulationException e)
        {
            _simulationError = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ClearMarksAsync()
    {
        _simulationOutcome = null;
        _problems = null;
        if (_modeler is not null)
        {
            await _module!.InvokeVoidAsync("clearMarks", _modeler);
        }
    }

    private async Task ToggleCompareAsync()
    {
        _comparing = !_comparing;
        if (_comparing)
        {
            _compareNeedsRun = true;
        }
        else
        {
            _diff = null;
            await _module!.InvokeVoidAsync("destroyComparison", _compareLeft);
            _refit = true;
        }
    }

    private async Task CompareAsync()
    {
        var left = _leftVersion;
        var right = _rightVersion;
        var (oldXml, newXml) = await Engine.QueryAsync(async (services, ct) =>
        {
            var store = services.GetRequiredService<IEngineStore>();
            var a = await store.DefinitionAsync(ProcessId!, left, ct);
            var b = right == 0 ? null : await store.DefinitionAsync(ProcessId!, right, ct);
            return (a?.Xml, b?.Xml);
        });
        newXml ??= right == 0 ? await CurrentXmlAsync() : null;
        if (oldXml is null || newXml is null)
        {
            return;
        }
        _diff = await _module!.InvokeAsync<DiffView>("compare", _compareLeft, _compareRight, oldXml, newXml);
        StateHasChanged();
    }

    private async Task ImportAsync(ChangeEventArgs _)
    {
        var text = await _module!.InvokeAsync<string?>("readFile", _fileInput);
        if (string.IsNullOrWhiteSpace(text) || _modeler is null)
        {
            return;
        }
        try
        {
            await _module!.InvokeVoidAsync("importXml", _modeler!, text);
            _problems = null;
            _validMessage = null;
            Snackbar.Add(T["Import_Done"], Severity.Info);
        }
        catch (JSException e)
        {
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, T["Import_Failed"], e.Message), Severity.Error);
        }
    }

    private async Task DownloadAsync()
    {
        if (await CurrentXmlAsync() is { } xml)
        {
            var name = Path.GetFileNameWithoutExtension(_resourceName ?? ProcessId ?? NewProcessId ?? "process");
            await _module!.InvokeVoidAsync("download", $"{name}.bpmn", xml, "application/xml");
        }
    }

    private async Task PickActivityAsync(string type)
    {
        if (_selection is { IsJobTask: true } selection && _modeler is not null)
        {
            await _module!.InvokeAsync<bool>("setTaskType", _modeler, selection.ElementId, type);
        }
    }

    private async Task DestroyModelerAsync()
    {
        if (_modeler is not null)
        {
            try
            {
                await _module!.InvokeVoidAsync("destroy", _modeler);
                await _modeler.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
            _modeler = null;
            _selection = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DestroyModelerAsync();
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("destroyComparison", _compareLeft);
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's objects with it.
        }
        _self?.Dispose();
    }

    private sealed record Selection(string ElementId, string? Type, bool IsJobTask, string? TaskType);

    private sealed record ProblemView(string Code, string? ElementId, string ElementType, int Line, string Message);

    private sealed record DiffEntry(string Id, string Type, string? Name, IReadOnlyList<string>? Attributes);

    private sealed record DiffView(IReadOnlyList<DiffEntry> Added, IReadOnlyList<DiffEntry> Removed, IReadOnlyList<DiffEntry> Changed, IReadOnlyList<DiffEntry> LayoutChanged);
}
