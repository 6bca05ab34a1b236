using Ctms.Domain.Common;
using Ctms.Domain.Subjects.Statistics;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.Subjects;

/// <summary>
/// The progress statistics of a project's subjects (item 8 of issue 9): a donut by status in the status colours, a bar
/// chart of enrollments by month, a stacked bar of visits (done, open, missed) per visit, and the screening failure
/// reasons. Counts only, from <see cref="GetSubjectStatistics"/>.
/// </summary>
public partial class Statistics
{
    private SubjectStatisticsDto? _stats;
    private bool _notFound;
    private List<ChartSeries<double>> _statusSeries = [];
    private string[] _statusLabels = [];
    private ChartOptions _statusOptions = new();
    private List<ChartSeries<double>> _monthSeries = [];
    private string[] _monthLabels = [];
    private List<ChartSeries<double>> _visitSeries = [];
    private string[] _visitLabels = [];

    [Parameter] public Guid ProjectId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _stats = await Sender.QueryAsync(new GetSubjectStatistics(ProjectId));
        }
        catch (NotFoundException)
        {
            _notFound = true;
            return;
        }
        var statuses = _stats.ByStatus.Where(s => s.Count > 0).ToList();
        _statusLabels = [.. statuses.Select(s => S["Status_" + s.Status].Value)];
        _statusSeries = [new ChartSeries<double> { Name = T["Stats_Count"], Data = new ChartData<double>(statuses.Select(s => (double)s.Count).ToArray()) }];
        _statusOptions = new ChartOptions { ChartPalette = [.. statuses.Select(s => s.Colour)] };
        _monthLabels = [.. _stats.ByEnrollmentMonth.Select(m => m.Month)];
        _monthSeries = [new ChartSeries<double> { Name = T["Stats_Enrolled"], Data = new ChartData<double>(_stats.ByEnrollmentMonth.Select(m => (double)m.Count).ToArray()) }];
        _visitLabels = [.. _stats.ByVisit.Select(v => v.Code)];
        _visitSeries =
        [
            new ChartSeries<double> { Name = T["Stats_Done"], Data = new ChartData<double>(_stats.ByVisit.Select(v => (double)v.Done).ToArray()) },
            new ChartSeries<double> { Name = T["Stats_Open"], Data = new ChartData<double>(_stats.ByVisit.Select(v => (double)v.Open).ToArray()) },
            new ChartSeries<double> { Name = T["Stats_Missed"], Data = new ChartData<double>(_stats.ByVisit.Select(v => (double)v.Missed).ToArray()) },
        ];
    }
}
