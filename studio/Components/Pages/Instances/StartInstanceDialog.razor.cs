using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ctms.Engine.Feel;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Store;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.Instances;

/// <summary>
/// The "start instance" dialog: the variables are checked here (a JSON object, or a clear message) before the engine
/// starts the instance as the signed-in user; on success the studio opens the new instance.
/// </summary>
public partial class StartInstanceDialog
{
    private readonly DialogOptions _options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
    private IReadOnlyList<DeployedProcess>? _processes;
    private string? _processId, _businessKey, _error;
    private string _variables = "{}";
    private int? _version;
    private bool _starting;

    [Inject] private StudioEngine Engine { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public bool Open { get; set; }

    [Parameter] public EventCallback<bool> OpenChanged { get; set; }

    /// <summary>The process chosen when the dialog opens (the list's filter).</summary>
    [Parameter] public string? ProcessId { get; set; }

    private DeployedProcess? Selected => _processes?.FirstOrDefault(p => p.ProcessId == _processId);

    protected override async Task OnParametersSetAsync()
    {
        if (!Open || _processes is not null)
        {
            return;
        }
        _error = null;
        var latest = await Engine.QueryAsync((services, ct) => services.GetRequiredService<IEngineStore>().LatestDefinitionsAsync(ct));
        _processes = [.. latest.OrderBy(p => p.Name ?? p.ProcessId, StringComparer.CurrentCultureIgnoreCase)];
        _processId = _processes.FirstOrDefault(p => p.ProcessId == ProcessId?.Trim())?.ProcessId;
        _version = null;
    }

    private static string Label(DeployedProcess process) =>
        string.IsNullOrWhiteSpace(process.Name) ? process.ProcessId : $"{process.Name} ({process.ProcessId})";

    private void ProcessChanged(string? processId)
    {
        _processId = processId;
        _version = null;
    }

    private async Task CloseAsync()
    {
        // Read afresh next time: a version may be deployed meanwhile.
        _processes = null;
        await OpenChanged.InvokeAsync(false);
    }

    private async Task StartAsync()
    {
        _error = null;
        if (Selected is not { } process)
        {
            _error = T["Start_NoProcess"];
            return;
        }
        if (_businessKey?.Trim() is { Length: > 200 })
        {
            _error = T["Start_KeyTooLong"];
            return;
        }
        if (Variables(out var message) is not { } variables)
        {
            _error = message;
            return;
        }
        _starting = true;
        try
        {
            var businessKey = string.IsNullOrWhiteSpace(_businessKey) ? null : _businessKey.Trim();
            var instance = await Engine.CommandAsync((services, ct) =>
                services.GetRequiredService<BpmnEngine>().StartAsync(process.ProcessId, variables, businessKey, _version, ct));
            _processes = null;
            Navigation.NavigateTo($"instances/{instance.Id}");
        }
        catch (EngineException e)
        {
            _error = string.Format(CultureInfo.CurrentCulture, T["Start_Failed"], e.Message);
        }
        finally
        {
            _starting = false;
        }
    }

    /// <summary>The variables as the engine takes them, or null and why not.</summary>
    private Dictionary<string, object?>? Variables(out string message)
    {
        message = "";
        JsonNode? json;
        try
        {
            json = string.IsNullOrWhiteSpace(_variables) ? new JsonObject() : JsonNode.Parse(_variables);
        }
        catch (JsonException e)
        {
            message = string.Format(CultureInfo.CurrentCulture, T["Start_BadJson"], e.Message);
            return null;
        }
        if (json is not JsonObject values)
        {
            message = T["Start_NotObject"];
            return null;
        }
        return values.ToDictionary(p => p.Key, p => FeelValues.FromJsonNode(p.Value), StringComparer.Ordinal);
    }
}
