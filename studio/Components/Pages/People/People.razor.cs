using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Ctms.Studio.Components.Pages.People;

/// <summary>The CTI office's people page: investigators with their certificates' state, qualification warnings, CRCs' workload.</summary>
public partial class People
{
    private IReadOnlyList<InvestigatorSummaryDto>? _investigators;
    private IReadOnlyList<QualificationWarningDto> _warnings = [];
    private IReadOnlyList<CrcWorkloadDto> _crcs = [];
    private bool _denied;
    private string? _ownUserName;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _investigators = await Sender.QueryAsync(new ListInvestigators());
            _warnings = await Sender.QueryAsync(new ListQualificationWarnings());
            _crcs = await Sender.QueryAsync(new ListCrcWorkload());
        }
        catch (ForbiddenException)
        {
            _denied = true;
            // An investigator reaches their own page from here.
            var user = (await Authentication.GetAuthenticationStateAsync()).User;
            if (user.IsInRole(Roles.Pi) || user.IsInRole(Roles.SubInvestigator))
            {
                _ownUserName = user.Identity?.Name;
            }
        }
    }
}
