using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Projects;

/// <summary>
/// Registers a new study at the hospital, in draft: the first step of the application (P01). An applicant who creates
/// it becomes its applicant member (and so sees it); the PI named is given the pi role on it.
/// </summary>
public sealed record CreateProject(
    string ProtocolNumber,
    string Title,
    string? Sponsor,
    TrialPhase Phase = TrialPhase.PhaseII,
    ProjectType Type = ProjectType.SponsorInitiated,
    string? Cro = null,
    string? Department = null,
    string? PiUserName = null,
    int? PlannedEnrollment = null) : ICommand<ProjectDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(ProtocolNumber), ProtocolNumber, Project.ProtocolNumberMax)
        .Required(nameof(Title), Title, Project.TitleMax)
        .Optional(nameof(Sponsor), Sponsor, Project.SponsorMax)
        .Optional(nameof(Cro), Cro, Project.SponsorMax)
        .Optional(nameof(Department), Department, Project.DepartmentMax)
        .Optional(nameof(PiUserName), PiUserName, Project.UserNameMax)
        .Must(Enum.IsDefined(Phase), nameof(Phase), $"Phase must be one of: {string.Join(", ", Enum.GetNames<TrialPhase>())}.")
        .Must(Enum.IsDefined(Type), nameof(Type), $"Type must be one of: {string.Join(", ", Enum.GetNames<ProjectType>())}.")
        .Must(PlannedEnrollment is null or (> 0 and <= 1_000_000), nameof(PlannedEnrollment), "PlannedEnrollment must be between 1 and 1,000,000.");
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
        var now = clock.GetUtcNow();
        var pi = await ProjectPeople.FindPiAsync(db, command.PiUserName, ct);
        var project = new Project(protocolNumber, command.Title.Trim(), Trim(command.Sponsor), now);
        project.Describe(command.Title.Trim(), Trim(command.Sponsor), Trim(command.Cro), command.Phase, command.Type,
            Trim(command.Department), pi?.UserName, command.PlannedEnrollment);
        if (user.UserName is { } applicant && user.UserId != AccessUser.System.UserId)
        {
            project.AppliedBy(applicant);
        }
        db.Projects.Add(project);
        if (user.Access.IsInRole(Roles.Applicant) && user.UserId != AccessUser.System.UserId)
        {
            db.ProjectMemberships.Add(new ProjectMembership(project.Id, user.UserId, Roles.Applicant, now, null));
        }
        if (pi is not null)
        {
            db.ProjectMemberships.Add(new ProjectMembership(project.Id, pi.Id, Roles.Pi, now, null));
        }
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Looks up the people a project names.</summary>
internal static class ProjectPeople
{
    /// <summary>The user named as PI, who must exist and hold the pi role; null when none is named.</summary>
    public static async Task<CtmsUser?> FindPiAsync(CtmsDbContext db, string? userName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return null;
        }
        var normalized = userName.Trim().ToUpperInvariant();
        var pi = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
                 ?? throw DomainValidationException.For(nameof(CreateProject.PiUserName), $"There is no user '{userName.Trim()}'.");
        var isPi = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          where ur.UserId == pi.Id && r.Name == Roles.Pi
                          select ur).AnyAsync(ct);
        return isPi ? pi : throw DomainValidationException.For(nameof(CreateProject.PiUserName), $"'{pi.UserName}' does not hold the pi role.");
    }
}
