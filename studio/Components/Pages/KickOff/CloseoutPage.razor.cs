using Ctms.Domain.Closeout;
using Ctms.Domain.Common;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.KickOff;

/// <summary>
/// A project's close-out (P13): the closure checks with their answers and reasons (a live preview until the project is
/// archived, then the answers that allowed it), the summary report and the archive record.
/// </summary>
public partial class CloseoutPage
{
    private CloseoutDto? _closeout;
    private bool _notFound;
    private string? _error;

    [Inject] private StudioSender Sender { get; set; } = default!;

    [Parameter] public Guid ProjectId { get; set; }

    private bool Archived => _closeout?.Record?.ArchivedAt is not null;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _closeout = await Sender.QueryAsync(new GetCloseout(ProjectId));
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }

    private async Task RunAsync(Func<Task> action)
    {
        _error = await StudioAction.RunAsync(action);
        await LoadAsync();
    }

    private Task OpenAsync() => RunAsync(() => Sender.CommandAsync(new OpenCloseout(ProjectId)));

    private Task RunChecksAsync() => RunAsync(() => Sender.CommandAsync(new RunClosureChecks(ProjectId)));

    private Task ArchiveAsync() => RunAsync(() => Sender.CommandAsync(new CloseProject(ProjectId)));

    /// <summary>The known checks by their localized name; a module's own check by its registered name.</summary>
    private string CheckName(string check)
    {
        var localized = T["Check_" + check];
        return localized.ResourceNotFound ? check : localized.Value;
    }

    private static Color OutcomeColor(ClosureCheckOutcome outcome) => outcome switch
    {
        ClosureCheckOutcome.Passed => Color.Success,
        ClosureCheckOutcome.Failed => Color.Error,
        _ => Color.Default,
    };
}
