using Ctms.Domain.Common;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Queries;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;

namespace Ctms.Studio.Components.Pages.Subjects;

/// <summary>A project's subjects (O16): label, number, status with its colour, consent version, eligibility; filtered by status. Never an arm.</summary>
public partial class SubjectListPage
{
    private IReadOnlyList<SubjectDto>? _subjects;
    private SubjectStatus? _status;
    private bool _notFound;
    private bool _mayConfigure;

    [Inject] private StudioSender Sender { get; set; } = default!;

    [Parameter] public Guid ProjectId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _mayConfigure = !_notFound && await Sender.MayAsync(Domain.Access.ProjectActions.SubjectsConfigure, ProjectId);
    }

    private async Task FilterAsync(SubjectStatus? status)
    {
        _status = status;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _subjects = await Sender.QueryAsync(new ListSubjects(ProjectId, _status));
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }
}
