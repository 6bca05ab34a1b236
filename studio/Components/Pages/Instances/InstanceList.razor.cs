using System.Globalization;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Instances;
using Ctms.Engine.Runtime.Store;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Studio.Components.Pages.Instances;

/// <summary>
/// The process instances, running and ended, newest first, a page at a time. The filters live in the address
/// (<c>?processId=&amp;status=&amp;businessKey=&amp;offset=</c>), so the designer links to one process's instances and a
/// filtered list can be bookmarked.
/// </summary>
public partial class InstanceList
{
    private const int PageSize = 25;

    private InstancePage? _page;
    private string? _error;
    private bool _startOpen;
    private string? _processFilter, _businessKeyFilter;
    private InstanceStatusFilter? _statusFilter;

    [Inject] private StudioEngine Engine { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery] public string? ProcessId { get; set; }

    [SupplyParameterFromQuery] public string? Status { get; set; }

    [SupplyParameterFromQuery] public string? BusinessKey { get; set; }

    [SupplyParameterFromQuery] public int? Offset { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _processFilter = ProcessId;
        _businessKeyFilter = BusinessKey;
        _statusFilter = Enum.TryParse<InstanceStatusFilter>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;
        var query = new InstanceQuery
        {
            ProcessId = Blank(ProcessId),
            BusinessKey = Blank(BusinessKey),
            Status = _statusFilter,
            Offset = Math.Max(0, Offset ?? 0),
            Limit = PageSize,
        };
        try
        {
            _error = null;
            _page = await Engine.QueryAsync((services, ct) => services.GetRequiredService<IEngineStore>().QueryInstancesAsync(query, ct));
        }
        catch (EngineException e)
        {
            _error = e.Message;
            _page = new InstancePage([], 0, true, 0, PageSize);
        }
    }

    private string RangeText => _page is null || _page.Items.Count == 0
        ? ""
        : string.Format(CultureInfo.CurrentCulture, T[_page.TotalIsExact ? "Instances_Page" : "Instances_PageMore"].Value,
            _page.Offset + 1, _page.Offset + _page.Items.Count, _page.Total);

    private static string StatusLabel(InstanceStatusFilter status) => status switch
    {
        InstanceStatusFilter.Running => "Status_Active",
        InstanceStatusFilter.Completed => "Status_Completed",
        InstanceStatusFilter.Terminated => "Status_Terminated",
        _ => "Status_Incidents",
    };

    private Task ApplyFilterAsync() => GoToAsync(0);

    private Task FilterOnEnterAsync(KeyboardEventArgs e) => e.Key == "Enter" ? ApplyFilterAsync() : Task.CompletedTask;

    private Task GoToAsync(int offset)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["processId"] = Blank(_processFilter),
            ["status"] = _statusFilter?.ToString(),
            ["businessKey"] = Blank(_businessKeyFilter),
            ["offset"] = offset == 0 ? null : offset,
        }));
        return Task.CompletedTask;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
