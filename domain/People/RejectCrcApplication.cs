using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>The CTI office rejects a CRC application, saying why; no account is made.</summary>
public sealed record RejectCrcApplication(Guid ApplicationId, string Reason) : ICommand<CrcApplicationDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Reason), Reason, CrcApplication.ReasonMax);
}

public sealed class RejectCrcApplicationHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RejectCrcApplication, CrcApplicationDto>
{
    public async ValueTask<CrcApplicationDto> Handle(RejectCrcApplication command, CancellationToken ct)
    {
        await PeopleDirectory.EnsureManagerAsync(access, user, ct);
        var application = await db.CrcApplications.SingleOrDefaultAsync(a => a.Id == command.ApplicationId, ct)
                          ?? throw new NotFoundException($"CRC application {command.ApplicationId} was not found.");
        application.Reject(command.Reason.Trim(), user.UserName ?? "system", clock.GetUtcNow());
        db.AuditReason = command.Reason.Trim();
        await db.SaveChangesAsync(ct);
        return CrcApplicationDto.From(application);
    }
}
