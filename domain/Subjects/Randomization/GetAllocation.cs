using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>A subject's allocation as the caller may see it: the arm only when <see cref="ArmVisibility"/> allows.</summary>
public sealed record GetAllocation(Guid SubjectId) : IQuery<AllocationDto>;

public sealed class GetAllocationHandler(CtmsDbContext db, SubjectStore subjects, RandomizationReader reader, ArmVisibility visibility,
    ProjectAccess access, ICurrentUser user) : IQueryHandler<GetAllocation, AllocationDto>
{
    public async ValueTask<AllocationDto> Handle(GetAllocation query, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(query.SubjectId, ProjectActions.ReadSubjects, ct);
        var scheme = await reader.SchemeAsync(subject.ProjectId, ct);
        var allocation = await db.SubjectAllocations.AsNoTracking().SingleOrDefaultAsync(a => a.SubjectId == subject.Id, ct);
        var visible = await visibility.CanSeeArmAsync(scheme, subject.ProjectId, subject.Id, ct);
        var unblindedByMe = await db.UnblindingEvents.AnyAsync(e => e.SubjectId == subject.Id && e.UserId == user.UserId, ct);
        var blinding = scheme?.Blinding ?? BlindingLevel.Double;
        var canUnblind = allocation is not null && blinding == BlindingLevel.Double && !visible
                         && await access.CanAsync(user.Access, ProjectActions.SubjectsUnblind, subject.ProjectId, ct);
        var canSwitch = allocation is not null && scheme is not null && visible
                        && (await access.CanAsync(user.Access, ProjectActions.SubjectsChangeStatus, subject.ProjectId, ct)
                            || scheme.Blinding == BlindingLevel.Double && await visibility.HasUnblindedRoleAsync(scheme, subject.ProjectId, ct));
        return new AllocationDto(subject.Id, allocation is not null, allocation?.RandomizationNumber, allocation?.RandomizedAt, !visible,
            allocation is not null && visible ? await ArmNames.OfAsync(db, subject.ProjectId, allocation.Arm, ct) : null,
            blinding.ToString(), unblindedByMe, canUnblind, canSwitch);
    }
}
