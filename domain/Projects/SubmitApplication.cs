using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Documents;
using Mediator;

namespace Ctms.Domain.Projects;

/// <summary>
/// The applicant hands the application in (P01) or resubmits it after a revision (A06): the project becomes Submitted.
/// Its applicant, its PI or the CTI office may do it, once every required document of the checklist is uploaded; a
/// withdrawn, rejected or already submitted project is refused by the life cycle (409).
/// </summary>
public sealed record SubmitApplication(Guid ProjectId) : ICommand<ProjectDto>;

public sealed class SubmitApplicationHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock, IMediator mediator)
    : ICommandHandler<SubmitApplication, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(SubmitApplication command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.Submit);
        // The life cycle first: a withdrawn application is refused as such, whatever its documents.
        ProjectLifecycle.EnsureCanMove(project.Status, ProjectStatus.Submitted);
        var checklist = await mediator.Send(new GetDocumentChecklist(project.Id), ct);
        var missing = checklist.Items.Where(i => i.Required && i.DocumentId is null).Select(i => i.Title).ToList();
        if (missing.Count > 0)
        {
            throw new ConflictException($"The application is incomplete; upload the required documents first: {string.Join(", ", missing)}.");
        }
        project.MoveTo(ProjectStatus.Submitted, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }
}
