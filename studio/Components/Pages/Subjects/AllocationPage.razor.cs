using Ctms.Domain.Common;
using Ctms.Domain.Subjects.Randomization;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.Subjects;

/// <summary>
/// A subject's allocation (O10) as the blinding allows the signed-in user to see it: the randomization number always,
/// the arm only when <see cref="ArmVisibility"/> lets them; the PI of a double-blind study breaks the blind here in an
/// emergency, with a reason and the password (an electronic signature), and sees the arm from then on.
/// </summary>
public partial class AllocationPage
{
    private readonly DialogOptions _dialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
    private AllocationDto? _allocation;
    private bool _notFound;
    private bool _unblinding;
    private bool _busy;
    private string? _reason;
    private string? _password;
    private string? _error;

    [Inject] private StudioSender Sender { get; set; } = default!;

    [Parameter] public Guid SubjectId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _allocation = await Sender.QueryAsync(new GetAllocation(SubjectId));
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }

    private void OpenUnblinding()
    {
        _reason = null;
        _password = null;
        _error = null;
        _unblinding = true;
    }

    private void CloseUnblinding()
    {
        _password = null;
        _unblinding = false;
    }

    /// <summary>
    /// Emergency unblinding as the REST route does it: who and what first (so nobody is asked a password for a refused
    /// request), then the signed command (the password checked, the sponsor side told); the page then shows the arm.
    /// </summary>
    private async Task UnblindAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            await Sender.QueryAsync(new CheckUnblinding(SubjectId, _reason));
            await Sender.SignedCommandAsync(new UnblindSubject(SubjectId, _reason), _password, UnblindingEvent.Meaning, CancellationToken.None);
            _unblinding = false;
            _allocation = await Sender.QueryAsync(new GetAllocation(SubjectId));
        }
        catch (DomainValidationException e)
        {
            _error = string.Join(" ", e.Errors.SelectMany(p => p.Value));
        }
        catch (Exception e) when (StudioSender.Refusal(e) is not null)
        {
            _error = e.Message;
        }
        finally
        {
            _password = null;
            _busy = false;
        }
    }
}
