using System.Globalization;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Notifications;
using Ctms.Domain.Signatures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>
/// Emergency unblinding (O10): the PI breaks the blind of one randomized subject of a double-blind study, with a reason
/// and an electronic signature (the host checks the password first and hands the proof to <see cref="SignatureSession"/>).
/// An <see cref="UnblindingEvent"/> (audited, signed), the sponsor side notified (the project's CRAs and the CTI office,
/// template <c>subject-unblinded</c>, never the arm), and from then on that PI sees the arm.
/// </summary>
public sealed record UnblindSubject(Guid SubjectId, string? Reason) : ICommand<UnblindingDto>;

/// <summary>The checks of <see cref="UnblindSubject"/> before the password is asked: who and what (403/404/409/400).</summary>
public sealed record CheckUnblinding(Guid SubjectId, string? Reason) : IQuery<Guid>;

public sealed class UnblindSubjectHandler(CtmsDbContext db, SubjectStore subjects, RandomizationReader reader, SignatureService signatures,
    ICurrentUser user, TimeProvider clock, IMediator mediator) : ICommandHandler<UnblindSubject, UnblindingDto>, IQueryHandler<CheckUnblinding, Guid>
{
    public const string Template = "subject-unblinded";

    public async ValueTask<Guid> Handle(CheckUnblinding query, CancellationToken ct)
    {
        var (subject, _, _) = await CheckAsync(query.SubjectId, query.Reason, ct);
        return subject.Id;
    }

    public async ValueTask<UnblindingDto> Handle(UnblindSubject command, CancellationToken ct)
    {
        var (subject, allocation, _) = await CheckAsync(command.SubjectId, command.Reason, ct);
        var now = clock.GetUtcNow();
        var reason = command.Reason!.Trim();
        var unblinding = new UnblindingEvent(subject.Id, subject.ProjectId, user.UserId, subjects.UserName, reason, now);
        db.UnblindingEvents.Add(unblinding);
        await signatures.SignAsync(unblinding, UnblindingEvent.Meaning, ct);
        db.AuditReason = reason;
        var protocol = await db.Projects.AsNoTracking().Where(p => p.Id == subject.ProjectId).Select(p => p.ProtocolNumber).SingleAsync(ct);
        await mediator.Send(new SendNotification(Template, [SendNotification.ProjectRolePrefix + Roles.Cra, SendNotification.RolePrefix + Roles.CtiSecretary],
            subject.ProjectId, new Dictionary<string, object?>
            {
                ["protocolNumber"] = protocol,
                ["subjectNumber"] = subject.SubjectNumber ?? subject.ScreeningNumber,
                ["randomizationNumber"] = allocation.RandomizationNumber,
                ["unblindedBy"] = subjects.UserName,
                ["reason"] = reason,
                ["at"] = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            }, $"/subjects/{subject.Id}/allocation"), ct);
        await db.SaveChangesAsync(ct);
        return new UnblindingDto(subject.Id, unblinding.Id, now, await ArmNames.OfAsync(db, subject.ProjectId, allocation.Arm, ct));
    }

    private async Task<(Subject, SubjectAllocation, RandomizationScheme)> CheckAsync(Guid subjectId, string? reason, CancellationToken ct)
    {
        new Validator().Required("reason", reason, Subject.ReasonMax).ThrowIfInvalid();
        var subject = await subjects.GetAsync(subjectId, ProjectActions.SubjectsUnblind, ct);
        var scheme = await reader.SchemeAsync(subject.ProjectId, ct);
        var allocation = await db.SubjectAllocations.AsNoTracking().SingleOrDefaultAsync(a => a.SubjectId == subject.Id, ct);
        if (scheme is null || allocation is null)
        {
            throw new ConflictException("The subject is not randomized: there is no blind to break.");
        }
        if (scheme.Blinding != BlindingLevel.Double)
        {
            throw new ConflictException($"The study is not double-blind ({scheme.Blinding}): the investigators already see the arm.");
        }
        if (await db.UnblindingEvents.AnyAsync(e => e.SubjectId == subject.Id && e.UserId == user.UserId, ct))
        {
            throw new ConflictException("You already broke the blind of this subject; the allocation page shows the arm.");
        }
        return (subject, allocation, scheme);
    }
}
