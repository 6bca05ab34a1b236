using Ctms.Domain.Common;
using Ctms.Domain.KickOff;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.KickOff;

/// <summary>
/// A project's kick-off meeting (P12): the plan, participants with their confirmation and attendance, the training
/// matrix (participant × topic), the minutes and the sign-off with what still stands in its way. The domain decides who
/// may do what; a refusal is shown as the page's message.
/// </summary>
public partial class KickOffPage
{
    private KickOffDto? _kickOff;
    private bool _notFound;
    private string? _error;
    private DateTime? _planDate = DateTime.Today.AddDays(7);
    private TimeSpan? _planTime = new(9, 0, 0);
    private string? _planLocation, _newUserName, _newExternalName, _newRole, _newAffiliation, _trainer, _evidence, _minutes;
    private Guid? _trainParticipant;
    private TrainingTopic _trainTopic = TrainingTopic.Protocol;
    private DateTime? _trainedOn = DateTime.Today;

    [Inject] private StudioSender Sender { get; set; } = default!;

    [Parameter] public Guid ProjectId { get; set; }

    private bool SignedOff => _kickOff?.Meeting?.Status == nameof(KickOffStatus.SignedOff);

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _kickOff = await Sender.QueryAsync(new GetKickOff(ProjectId));
            _planLocation ??= _kickOff.Meeting?.Location;
            _minutes ??= _kickOff.Meeting?.Minutes;
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

    private Task PlanAsync()
    {
        var at = new DateTimeOffset((_planDate ?? DateTime.Today).Date + (_planTime ?? TimeSpan.Zero), TimeZoneInfo.Local.GetUtcOffset(_planDate ?? DateTime.Today));
        return RunAsync(() => Sender.CommandAsync(new PlanKickOffMeeting(ProjectId, at, _planLocation ?? "")));
    }

    private Task AttendanceAsync(Guid participantId, bool attended) =>
        RunAsync(() => Sender.CommandAsync(new RecordKickOffAttendance(ProjectId, participantId, attended)));

    private async Task AddParticipantAsync()
    {
        await RunAsync(() => Sender.CommandAsync(new AddKickOffParticipant(ProjectId, _newUserName, _newExternalName, _newRole ?? "", _newAffiliation)));
        if (_error is null)
        {
            _newUserName = _newExternalName = _newRole = _newAffiliation = null;
        }
    }

    private async Task RecordTrainingAsync()
    {
        if (_trainParticipant is not { } participant)
        {
            _error = T["ChooseParticipant"];
            return;
        }
        await RunAsync(() => Sender.CommandAsync(new RecordTraining(ProjectId, participant, _trainTopic, _trainer ?? "",
            DateOnly.FromDateTime(_trainedOn ?? DateTime.Today), _evidence)));
    }

    private Task SaveMinutesAsync() => RunAsync(() => Sender.CommandAsync(new RecordKickOffMinutes(ProjectId, _minutes ?? "", null)));

    private Task SignOffAsync() => RunAsync(() => Sender.CommandAsync(new SignOffKickOff(ProjectId)));

    private static Color StatusColor(string status) => status switch
    {
        nameof(KickOffStatus.SignedOff) => Color.Success,
        nameof(KickOffStatus.Held) => Color.Info,
        _ => Color.Default,
    };
}
