using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Projects;

/// <summary>Changes a project's title and sponsor. <see cref="Version"/> is the one the editor read: a stale edit gets 409.</summary>
public sealed record UpdateProject(Guid ProjectId, string Title, string? Sponsor, Guid Version) : ICommand<ProjectDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(Title), Title, Project.TitleMax)
        .Optional(nameof(Sponsor), Sponsor, Project.SponsorMax);
}

public sealed class UpdateProjectHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : ICommandHandler<UpdateProject, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(UpdateProject command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.Update, command.ProjectId, ct);
        var project = await db.Projects.SingleAsync(p => p.Id == command.ProjectId, ct);
        if (project.Version != command.Version)
        {
            throw new ConflictException("The project was changed by someone else since you read it; reload and try again.");
        }
        project.Rename(command.Title.Trim(), command.Sponsor?.Trim());
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }
}
