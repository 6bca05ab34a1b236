using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Closeout;

/// <summary>
/// The CTI secretary runs the closure checks of a project in close-out; the results are stored on its close-out record
/// (who ran them, when, what each answered), failed or not.
/// </summary>
public sealed record RunClosureChecks(Guid ProjectId) : ICommand<CloseoutDto>;

public sealed class RunClosureChecksHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock, ProjectClosureChecks checks)
    : ICommandHandler<RunClosureChecks, CloseoutDto>
{
    public async ValueTask<CloseoutDto> Handle(RunClosureChecks command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.CloseoutManage, command.ProjectId, ct);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == command.ProjectId, ct);
        if (project.Status != ProjectStatus.Closing)
        {
            throw new ConflictException($"The closure checks run on a project in close-out; this project is {project.Status}.");
        }
        var results = await checks.RunAsync(command.ProjectId, ct);
        var record = await db.CloseoutRecords.SingleOrDefaultAsync(r => r.ProjectId == command.ProjectId, ct)
                     ?? throw new ConflictException("The close-out of this project has not been opened.");
        record.RecordChecks(results, user.UserName ?? "system", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return CloseoutDto.From(project, record, results);
    }
}
