using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Mediator;

namespace Ctms.Domain.Closeout;

/// <summary>
/// The CTI director's approval archives the project (Closing → Archived): the checks run once more, and any failed
/// one refuses the archiving (409 with every reason); otherwise the close-out record stores who archived, when, and the
/// checks' answers.
/// </summary>
public sealed record CloseProject(Guid ProjectId) : ICommand<CloseoutDto>;

public sealed class CloseProjectHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock, ProjectClosureChecks checks)
    : ICommandHandler<CloseProject, CloseoutDto>
{
    public async ValueTask<CloseoutDto> Handle(CloseProject command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.CloseoutApprove, command.ProjectId, ct);
        var (project, record) = await Closeouts.LoadOpenAsync(db, command.ProjectId, ct);
        var results = await checks.RunAsync(command.ProjectId, ct);
        var failures = ProjectClosureChecks.Failures(results);
        if (failures.Count > 0)
        {
            throw new ConflictException($"The project cannot be archived: {string.Join("; ", failures)}");
        }
        var now = clock.GetUtcNow();
        record.Archive(results, user.UserName ?? "system", now);
        project.MoveTo(ProjectStatus.Archived, now);
        await db.SaveChangesAsync(ct);
        return CloseoutDto.From(project, record, results);
    }
}
