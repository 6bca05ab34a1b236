using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>
/// Switches a randomized subject to another arm of the protocol (O17), with a reason: the allocation's current arm
/// changes, the randomized arm stays, and a <see cref="SubjectArmChange"/> row keeps the history (both audited, the
/// reason on the audit records). Only someone who sees the arm may switch it: in an open or single-blind study an
/// investigator (subjects.status), in a double-blind study an unblinded role of the scheme (or a PI who broke the blind
/// of this subject); to anyone else the subject is not theirs to switch (403, the arm unnamed).
/// </summary>
public sealed record SwitchArm(Guid SubjectId, string? ToArm, string? Reason) : ICommand<AllocationDto>;

public sealed class SwitchArmHandler(CtmsDbContext db, SubjectStore subjects, RandomizationReader reader, ArmVisibility visibility, ProjectAccess access,
    ICurrentUser user, TimeProvider clock, IMediator mediator) : ICommandHandler<SwitchArm, AllocationDto>
{
    public async ValueTask<AllocationDto> Handle(SwitchArm command, CancellationToken ct)
    {
        new Validator().Required("toArm", command.ToArm, Protocol.StudyArm.CodeMax).Required("reason", command.Reason, Subject.ReasonMax).ThrowIfInvalid();
        var subject = await subjects.GetAsync(command.SubjectId, ProjectActions.ReadSubjects, ct);
        var scheme = await reader.SchemeAsync(subject.ProjectId, ct);
        var allocation = await db.SubjectAllocations.SingleOrDefaultAsync(a => a.SubjectId == subject.Id, ct);
        var visible = await visibility.CanSeeArmAsync(scheme, subject.ProjectId, subject.Id, ct);
        var mayChange = await access.CanAsync(user.Access, ProjectActions.SubjectsChangeStatus, subject.ProjectId, ct)
                        || scheme is { Blinding: BlindingLevel.Double } && await visibility.HasUnblindedRoleAsync(scheme, subject.ProjectId, ct);
        if (!visible || !mayChange)
        {
            throw new ForbiddenException("Only an unblinded role may switch the arm of a subject in a blinded study, and only an investigator in an open one.");
        }
        if (allocation is null || scheme is null)
        {
            throw new ConflictException("The subject is not randomized: there is no arm to switch from.");
        }
        if (!SubjectLifecycle.OnStudy.Contains(subject.Status))
        {
            throw new ConflictException($"The subject is {SubjectLifecycle.Name(subject.Status)}: an arm switch is for a subject on study.");
        }
        var to = command.ToArm!.Trim();
        if (scheme.LockedArmList.All(a => a.Code != to))
        {
            throw DomainValidationException.For("toArm", $"The protocol has no arm {to}: one of {string.Join(", ", scheme.LockedArmList.Select(a => a.Code))}.");
        }
        if (allocation.Arm == to)
        {
            throw new ConflictException("The subject is already in that arm.");
        }
        var reason = command.Reason!.Trim();
        db.SubjectArmChanges.Add(new SubjectArmChange(subject.Id, allocation.Id, allocation.Arm, to, reason, subjects.UserName, clock.GetUtcNow()));
        allocation.SwitchTo(to);
        db.AuditReason = reason;
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetAllocation(subject.Id), ct);
    }
}
