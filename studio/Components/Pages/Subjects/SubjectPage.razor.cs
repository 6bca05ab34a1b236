using Ctms.Domain.Common;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Queries;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;

namespace Ctms.Studio.Components.Pages.Subjects;

/// <summary>
/// A subject (O07-O09): the label, the status with its colour, the consents, the latest screening with each criterion's
/// result, and the links to the visits, safety and allocation pages of the other parts. Never an arm.
/// </summary>
public partial class SubjectPage
{
    private SubjectDto? _subject;
    private IReadOnlyList<SubjectConsentDto> _consents = [];
    private ScreeningDto? _screening;
    private bool _notFound;

    [Inject] private StudioSender Sender { get; set; } = default!;

    [Parameter] public Guid SubjectId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _subject = await Sender.QueryAsync(new GetSubject(SubjectId));
            _consents = await Sender.QueryAsync(new GetSubjectConsents(SubjectId));
            _screening = await Sender.QueryAsync(new GetScreening(SubjectId));
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }
}
