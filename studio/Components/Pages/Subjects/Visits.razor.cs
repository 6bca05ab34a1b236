using System.Globalization;
using Ctms.Domain.Subjects.Ecrf;
using Ctms.Domain.Subjects.Visits;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.Subjects;

/// <summary>
/// A subject's visits (O11-O13): the schedule with windows and status, each visit's to-do list, and the e-CRF pages with
/// their queries and sign-off. No arm is shown here: the allocation is the randomization part's to show.
/// </summary>
public partial class Visits
{
    private IReadOnlyList<SubjectVisitDto> _visits = [];
    private IReadOnlyList<EcrfEntryDto> _entries = [];
    private string? _refusal;

    [Parameter]
    public Guid SubjectId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _visits = await Sender.CommandAsync(new GetSubjectSchedule(SubjectId));
            _entries = await Sender.QueryAsync(new ListSubjectEcrf(SubjectId));
            _refusal = null;
        }
        catch (Exception e) when (StudioSender.Refusal(e) is not null)
        {
            _refusal = T["NotFound"];
        }
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
}
