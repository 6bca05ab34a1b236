using System.Globalization;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Instances;
using Ctms.Engine.Runtime.Store;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.Instances;

/// <summary>
/// One instance, running or ended: its diagram (bpmn-js) with the completed path, the active tokens and the incidents
/// marked, its history, variables, open tasks and incidents. While it runs the page reads it again every few seconds
/// and redraws the marks only when something changed.
/// </summary>
public partial class InstanceView : IAsyncDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _closing = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private InstanceDetails? _details;
    private string? _drawnXml, _markedState, _message;
    private Severity _messageSeverity = Severity.Success;
    private bool _notFound;
    private ElementReference _canvas;
    private IJSObjectReference? _module, _viewer;
    private Task? _polling;

    [Inject] private StudioEngine Engine { get; set; } = default!;

    [Inject] private IJSRuntime Js { get; set; } = default!;

    [Parameter] public Guid InstanceId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        // Not while prerendering: that instance of the page is thrown away with the request.
        if (RendererInfo.IsInteractive)
        {
            _polling ??= PollAsync(_closing.Token);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_details is null || !RendererInfo.IsInteractive)
        {
            return;
        }
        try
        {
            await DrawAsync(_details);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private async Task LoadAsync()
    {
        await _loading.WaitAsync();
        try
        {
            _details = await Engine.QueryAsync((services, ct) => InstanceDetails.LoadAsync(services.GetRequiredService<IEngineStore>(), InstanceId, ct));
            _notFound = _details is null;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Imports the viewer once, opens the definition's XML when it is new to the canvas, and marks the state when it changed.</summary>
    private async Task DrawAsync(InstanceDetails details)
    {
        _module ??= await Js.InvokeAsync<IJSObjectReference>("import", "./_content/Ctms.Studio/dist/viewer.js");
        if (_drawnXml != details.Xml || _viewer is null)
        {
            if (_viewer is not null)
            {
                await _module.InvokeVoidAsync("destroy", _viewer);
                await _viewer.DisposeAsync();
            }
            _viewer = await _module.InvokeAsync<IJSObjectReference>("open", _canvas, details.Xml);
            _drawnXml = details.Xml;
            _markedState = null;
        }
        var diagram = details.Diagram;
        var marks = new
        {
            completed = diagram.CompletedElements,
            taken = diagram.TakenFlows,
            tokens = diagram.ActiveTokens,
            incidents = diagram.Incidents.Select(i => new { elementId = i.ElementId, message = $"{i.Code} {i.Message}" }),
        };
        var state = System.Text.Json.JsonSerializer.Serialize(marks);
        if (state != _markedState)
        {
            await _module.InvokeVoidAsync("mark", _viewer, marks);
            _markedState = state;
        }
    }

    /// <summary>Reads a running instance again every few seconds; stops once it ended or the page closed.</summary>
    private async Task PollAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(PollEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (_details is { Instance.Status: not "Active" })
                {
                    continue;
                }
                await LoadAsync();
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task RefreshAsync()
    {
        _message = null;
        await LoadAsync();
    }

    private async Task RetriedAsync(string? failure)
    {
        _messageSeverity = failure is null ? Severity.Success : Severity.Error;
        _message = failure is null ? T["Incidents_Retried"] : string.Format(CultureInfo.CurrentCulture, T["Incidents_RetryFailed"], failure);
        await LoadAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            if (_viewer is not null)
            {
                await _module!.InvokeVoidAsync("destroy", _viewer);
                await _viewer.DisposeAsync();
            }
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }
        _closing.Dispose();
        GC.SuppressFinalize(this);
    }
}
