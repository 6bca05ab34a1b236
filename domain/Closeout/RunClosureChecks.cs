using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

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
        var (project, record) = await Closeouts.LoadOpenAsync(db, command.ProjectId, ct);
        var results = await checks.RunAsync(command.ProjectId, ct);
        record.RecordChecks(results, user.UserName ?? "system", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return CloseoutDto.From(project, record, results);
    }
}
