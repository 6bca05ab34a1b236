using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Projects;

/// <summary>Registers a new study at the hospital, in draft.</summary>
public sealed record CreateProject(string ProtocolNumber, string Title, string? Sponsor) : ICommand<ProjectDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(ProtocolNumber), ProtocolNumber, Project.ProtocolNumberMax)
        .Required(nameof(Title), Title, Project.TitleMax)
        .Optional(nameof(Sponsor), Sponsor, Project.SponsorMax);
}

public sealed class CreateProjectHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateProject, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(CreateProject command, CancellationToken ct)
    {
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.Create, ct))
        {
            throw new ForbiddenException("Your role may not register projects.");
        }
        var protocolNumber = command.ProtocolNumber.Trim();
        if (await db.Projects.AnyAsync(p => p.ProtocolNumber == protocolNumber, ct))
        {
            throw new ConflictException($"A project with protocol number '{protocolNumber}' already exists.");
        }
        var project = new Project(protocolNumber, command.Title.Trim(), command.Sponsor?.Trim(), clock.GetUtcNow());
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }
}
