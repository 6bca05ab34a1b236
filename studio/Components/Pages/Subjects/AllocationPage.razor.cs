using Ctms.Domain.Common;
using Ctms.Domain.Subjects.Randomization;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;

namespace Ctms.Studio.Components.Pages.Subjects;

/// <summary>
/// A subject's allocation (O10) as the blinding allows the signed-in user to see it: the randomization number always,
/// the arm only when <see cref="ArmVisibility"/> lets them; the PI of a double-blind study sees the emergency unblinding.
/// </summary>
public partial class AllocationPage
{
    private AllocationDto? _allocation;
    private bool _notFound;

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
}
