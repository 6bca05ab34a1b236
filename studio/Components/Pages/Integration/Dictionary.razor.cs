using Ctms.Domain.Access;
using Ctms.Domain.Integration.Dictionary;
using Ctms.Studio.Services;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.Integration;

/// <summary>The data dictionary: its entries per kind with search (everyone), and the sync's run log with "synchronise now" (integration administrators).</summary>
public partial class Dictionary
{
    private const int PageSize = 50;
    private IReadOnlyList<DictionarySyncRunView> _runs = [];
    private DictionaryEntriesPage? _entries;
    private bool _administrator;
    private string _kind = DictionaryKind.Department.Name();
    private string? _search;
    private bool _activeOnly;
    private int _pageIndex = 1;

    private bool Running => _runs.Any(r => r.Status == DictionarySyncStatus.Running);

    protected override async Task OnInitializedAsync()
    {
        _administrator = (await Sender.QueryAsync(new ListMyGlobalActions())).Contains(ProjectActions.IntegrationAdminister);
        await LoadRunsAsync();
        await LoadEntriesAsync();
    }

    private async Task LoadRunsAsync()
    {
        if (_administrator)
        {
            _runs = await Sender.QueryAsync(new ListDictionarySyncRuns(20));
        }
    }

    private async Task LoadEntriesAsync() =>
        _entries = await Sender.QueryAsync(new ListDictionaryEntries(_kind, _search, _activeOnly ? true : null, (_pageIndex - 1) * PageSize, PageSize));

    private async Task SyncNowAsync()
    {
        try
        {
            await Sender.CommandAsync(new StartDictionarySync());
            Snackbar.Add(T["SyncStarted"], Severity.Info);
        }
        catch (Exception e) when (StudioSender.Refusal(e) is not null || e is Ctms.Domain.Integration.Hospital.HospitalUnavailableException)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
        await LoadRunsAsync();
    }

    private async Task KindChangedAsync(string kind)
    {
        _kind = kind;
        _pageIndex = 1;
        await LoadEntriesAsync();
    }

    private async Task SearchChangedAsync(string? search)
    {
        _search = string.IsNullOrWhiteSpace(search) ? null : search;
        _pageIndex = 1;
        await LoadEntriesAsync();
    }

    private async Task ActiveOnlyChangedAsync(bool value)
    {
        _activeOnly = value;
        _pageIndex = 1;
        await LoadEntriesAsync();
    }

    private async Task PageChangedAsync(int index)
    {
        _pageIndex = index;
        await LoadEntriesAsync();
    }

    private static Color StatusColor(DictionarySyncStatus status) => status switch
    {
        DictionarySyncStatus.Succeeded => Color.Success,
        DictionarySyncStatus.Failed => Color.Error,
        _ => Color.Info,
    };
}
