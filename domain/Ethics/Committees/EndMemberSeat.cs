using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>
/// The EC office ends a seat: its term ends on the given day (today by default), never deleted, so the votes and opinions
/// it gave keep their member. A term that ended already is a conflict (409).
/// </summary>
public sealed record EndMemberSeat(Guid CommitteeId, Guid MemberId, DateOnly? EndsOn, string Reason) : ICommand<MemberDto>, IValidatable
{
    public void Validate(Validator v) => v.Required("reason", Reason, 1000);
}

public sealed class EndMemberSeatHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock) : ICommandHandler<EndMemberSeat, MemberDto>
{
    public async ValueTask<MemberDto> Handle(EndMemberSeat command, CancellationToken ct)
    {
        await CommitteeSteps.EnsureManagerAsync(access, user, ct);
        var member = await CommitteeSteps.MemberAsync(db, command.CommitteeId, command.MemberId, ct);
        var today = CommitteeSteps.Today(clock);
        var endsOn = command.EndsOn ?? today;
        if (member.TermEnd < today)
        {
            throw new ConflictException($"The seat of {member.DisplayName} ended on {member.TermEnd:yyyy-MM-dd} already.");
        }
        if (endsOn < member.TermStart)
        {
            throw DomainValidationException.For("endsOn", "A seat cannot end before its term starts.");
        }
        member.TermEnd = endsOn;
        db.AuditReason = command.Reason.Trim();
        await db.SaveChangesAsync(ct);
        return MemberDto.From(member, today);
    }
}
