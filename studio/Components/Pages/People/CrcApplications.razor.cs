using Ctms.Domain.Common;
using Ctms.Domain.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Ctms.Studio.Components.Pages.People;

/// <summary>
/// The CTI office reviews CRC applications: approving completes A05's review task and shows the new account's one-time
/// password once; rejecting needs the reason.
/// </summary>
public partial class CrcApplications
{
    private IReadOnlyList<CrcApplicationDto>? _applications;
    private readonly Dictionary<Guid, DecisionModel> _decisions = [];
    private CrcApprovalDto? _approved;
    private bool _rejected;
    private string? _error;

    [Inject] private CrcIntake Intake { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _applications = await Sender.QueryAsync(new ListCrcApplications());
        }
        catch (ForbiddenException e)
        {
            _error = e.Message;
        }
    }

    private DecisionModel Decision(Guid id) => _decisions.TryGetValue(id, out var d) ? d : _decisions[id] = new DecisionModel();

    private Task ApproveAsync(Guid id) => DecideAsync(async user =>
        _approved = await Intake.ApproveAsync(user, id, Decision(id).ProtocolNumber, CancellationToken.None));

    private Task RejectAsync(Guid id) => DecideAsync(async user =>
    {
        await Intake.RejectAsync(user, id, Decision(id).Reason ?? "", CancellationToken.None);
        _rejected = true;
    });

    private async Task DecideAsync(Func<System.Security.Claims.ClaimsPrincipal, Task> decide)
    {
        _approved = null;
        _rejected = false;
        try
        {
            await decide((await Authentication.GetAuthenticationStateAsync()).User);
            _error = null;
        }
        catch (Exception e) when (e is DomainValidationException or ForbiddenException or NotFoundException or ConflictException
                                      or Engine.Runtime.EngineException or Engine.Runtime.Activities.ActivityRefusedException or Engine.Forms.FormValidationException)
        {
            _error = InvestigatorPage.Describe(e);
        }
        await LoadAsync();
    }

    private sealed class DecisionModel
    {
        public string? ProtocolNumber { get; set; }
        public string? Reason { get; set; }
    }
}
