using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Projects;

/// <summary>
/// The CTI director approves the project (P04): it gets its hospital number, by the configured
/// <see cref="ProjectNumberRule"/> or the one the director gives, and becomes visible to the ethics committee. A number
/// another project has is a conflict and nothing is saved.
/// </summary>
public sealed record ApproveProject(Guid ProjectId, string? ProjectNumber = null) : ICommand<ProjectDto>, IValidatable
{
    public void Validate(Validator v) => v.Optional(nameof(ProjectNumber), ProjectNumber?.Trim(), Project.ProjectNumberMax);
}

public sealed class ApproveProjectHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock, ProjectNumberRule rule)
    : ICommandHandler<ApproveProject, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(ApproveProject command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.Approve);
        var now = clock.GetUtcNow();
        // The life cycle first, so that approving a project twice says so rather than "already numbered".
        ProjectLifecycle.EnsureCanMove(project.Status, ProjectStatus.Approved);
        var number = string.IsNullOrWhiteSpace(command.ProjectNumber)
            ? await rule.NextAsync(db, project, now, ct)
            : command.ProjectNumber.Trim();
        if (number.Length > Project.ProjectNumberMax)
        {
            throw DomainValidationException.For(nameof(ApproveProject.ProjectNumber),
                $"The number {number} is longer than {Project.ProjectNumberMax} characters; shorten the rule or give the number.");
        }
        if (await db.Projects.AnyAsync(p => p.ProjectNumber == number && p.Id != project.Id, ct))
        {
            throw new ConflictException($"Project number collision: {number} is already the number of another project.");
        }
        project.AssignNumber(number);
        project.MoveTo(ProjectStatus.Approved, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Matches(e))
        {
            // Another approval took the number between the check and the save: the unique index refuses the second.
            throw new ConflictException($"Project number collision: {number} was just given to another project; decide again.");
        }
        return ProjectDto.From(project);
    }
}
