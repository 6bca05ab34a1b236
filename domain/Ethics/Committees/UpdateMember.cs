using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>The EC office changes a seat: role, sex, affiliation, term, expertise.</summary>
public sealed record UpdateMember(Guid CommitteeId, Guid MemberId, CommitteeRole Role, MemberSex Sex, bool Affiliated, DateOnly TermStart, DateOnly TermEnd,
    IReadOnlyList<string>? Expertise) : ICommand<MemberDto>, IValidatable
{
    public void Validate(Validator v)
    {
        v.Must(Enum.IsDefined(Role), "role", "Unknown committee role.").Must(Enum.IsDefined(Sex), "sex", "Unknown sex.");
        CommitteeSteps.ValidateSeat(v, TermStart, TermEnd, Expertise);
    }
}

public sealed class UpdateMemberHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateMember, MemberDto>
{
    public async ValueTask<MemberDto> Handle(UpdateMember command, CancellationToken ct)
    {
        await CommitteeSteps.EnsureManagerAsync(access, user, ct);
        var member = await CommitteeSteps.MemberAsync(db, command.CommitteeId, command.MemberId, ct);
        member.Role = command.Role;
        member.Sex = command.Sex;
        member.Affiliated = command.Affiliated;
        member.TermStart = command.TermStart;
        member.TermEnd = command.TermEnd;
        member.SetExpertise(CommitteeSteps.Expertise(command.Expertise));
        await db.SaveChangesAsync(ct);
        return MemberDto.From(member, CommitteeSteps.Today(clock));
    }
}
