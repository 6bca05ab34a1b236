using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Closeout;

/// <summary>
/// The CTI office opens the close-out of an enrolling (or terminated) study: enrollment ends, the project moves to
/// Closing and gets its close-out record. Opening it again while it is open answers the same record.
/// </summary>
public sealed record OpenCloseout(Guid ProjectId) : ICommand<CloseoutDto>;

public sealed class OpenCloseoutHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<OpenCloseout, CloseoutDto>
{
    public async ValueTask<CloseoutDto> Handle(OpenCloseout command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.CloseoutManage, command.ProjectId, ct);
        var now = clock.GetUtcNow();
        var project = await db.Projects.SingleAsync(p => p.Id == command.ProjectId, ct);
        var record = await db.CloseoutRecords.SingleOrDefaultAsync(r => r.ProjectId == command.ProjectId, ct);
        if (project.Status != ProjectStatus.Closing)
        {
            project.MoveTo(ProjectStatus.Closing, now);
        }
        if (record is null)
        {
            record = new CloseoutRecord(command.ProjectId, user.UserName ?? "system", now);
            db.CloseoutRecords.Add(record);
        }
        await db.SaveChangesAsync(ct);
        return CloseoutDto.From(project, record, []);
    }
}
