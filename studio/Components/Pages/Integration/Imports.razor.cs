using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Integration.BulkImport;
using Ctms.Domain.Integration.Hospital;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.Integration;

/// <summary>
/// Bulk imports of lab results (integration administrators): the runs with their counts, checkpoint and progress, a run's
/// first broken lines, resuming a failed run, uploading an ndjson file and importing the hospital's bulk export. Others are
/// told plainly that the page is not theirs. While a run is active the list refreshes itself.
/// </summary>
public partial class Imports : IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<BulkImportRunDto> _runs = [];
    private BulkImportRunDto? _selected;
    private bool? _administrator;
    private bool _busy;
    private string? _error;
    private long _maxBytes;

    [Microsoft.AspNetCore.Components.Inject]
    private IOptions<BulkImportOptions> Options { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _maxBytes = Options.Value.MaxUploadBytes;
        _administrator = (await Sender.QueryAsync(new ListMyGlobalActions())).Contains(ProjectActions.IntegrationAdminister);
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && _administrator == true)
        {
            _ = RefreshWhileActiveAsync(_stop.Token);
        }
    }

    private async Task RefreshWhileActiveAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (_runs.Any(r => r.Active))
                {
                    await InvokeAsync(async () =>
                    {
                        await LoadAsync();
                        StateHasChanged();
                    });
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
    }

    private async Task LoadAsync()
    {
        if (_administrator != true)
        {
            return;
        }
        _runs = await Sender.QueryAsync(new ListBulkImportRuns(50));
        if (_selected is not null)
        {
            _selected = await Sender.QueryAsync(new GetBulkImportRun(_selected.Id));
        }
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }
        if (file.Size > _maxBytes)
        {
            _error = string.Format(System.Globalization.CultureInfo.CurrentCulture, T["TooLarge"], _maxBytes / (1024 * 1024));
            return;
        }
        await RunAsync(async () =>
        {
            await using var content = file.OpenReadStream(_maxBytes);
            await Sender.CommandAsync(new UploadBulkImport(file.Name, content));
            Snackbar.Add(T["Uploaded"], Severity.Info);
        });
    }

    private Task FromHospitalAsync() => RunAsync(async () =>
    {
        await Sender.CommandAsync(new StartBulkImportFromHospital());
        Snackbar.Add(T["HospitalStarted"], Severity.Info);
    });

    private Task ResumeAsync(Guid runId) => RunAsync(async () =>
    {
        await Sender.CommandAsync(new ResumeBulkImport(runId));
        Snackbar.Add(T["Resumed"], Severity.Info);
    });

    private async Task ShowErrorsAsync(Guid runId) => _selected = await Sender.QueryAsync(new GetBulkImportRun(runId));

    /// <summary>Runs an action of the page; a refusal (invalid file, conflict, hospital down) is shown, not thrown.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        catch (Exception e) when (StudioSender.Refusal(e) is not null || e is HospitalUnavailableException or HospitalResponseException or IOException)
        {
            _error = e is DomainValidationException ? T["BadFile"] + " " + e.Message : e.Message;
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
    }

    private string StatusText(BulkImportRunDto run) => run.Status == BulkImportStatus.Running && !run.Active ? T["Status_Interrupted"] : T["Status_" + run.Status];

    private static Color StatusColor(BulkImportRunDto run) => run.Status switch
    {
        BulkImportStatus.Succeeded => Color.Success,
        BulkImportStatus.SucceededWithErrors => Color.Warning,
        BulkImportStatus.Failed => Color.Error,
        _ => run.Active ? Color.Info : Color.Default,
    };

    /// <summary>The importer's reasons are a short fixed set (never a line's content): known ones are translated, others shown as they are.</summary>
    private string Reason(string reason) => reason switch
    {
        "not JSON" => T["Reason_NotJson"],
        "not an Observation" => T["Reason_NotObservation"],
        "no id" => T["Reason_NoId"],
        "no subject (Patient/{id})" => T["Reason_NoSubject"],
        "no code" => T["Reason_NoCode"],
        _ => reason,
    };

    private static string Number(long value) => value.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
