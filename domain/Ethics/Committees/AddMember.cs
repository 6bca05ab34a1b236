using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>
/// The EC office seats a user on a committee for a term, with their role, sex, affiliation and expertise. The user must
/// exist (404) and holds one seat per committee (409); their display name is taken from their account.
/// </summary>
public sealed record AddMember(Guid CommitteeId, string UserName, CommitteeRole Role, MemberSex Sex, bool Affiliated, DateOnly TermStart, DateOnly TermEnd,
    IReadOnlyList<string>? Expertise) : ICommand<MemberDto>, IValidatable
{
    public void Validate(Validator v)
    {
        v.Required("userName", UserName, 256)
            .Must(Enum.IsDefined(Role), "role", "Unknown committee role.")
            .Must(Enum.IsDefined(Sex), "sex", "Unknown sex.");
        CommitteeSteps.ValidateSeat(v, TermStart, TermEnd, Expertise);
    }
}

public sealed class AddMemberHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddMember, MemberDto>
{
    public async ValueTask<MemberDto> Handle(AddMember command, CancellationToken ct)
    {
        await CommitteeSteps.EnsureManagerAsync(access, user, ct);
        var committee = await CommitteeSteps.CommitteeAsync(db, command.CommitteeId, ct);
        var userName = command.UserName.Trim();
        var account = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => new { u.UserName, u.DisplayName }).FirstOrDefaultAsync(ct)
                      ?? throw new NotFoundException($"There is no user '{userName}'.");
        if (await db.CommitteeMembers.AnyAsync(m => m.CommitteeId == committee.Id && m.UserName == userName, ct))
        {
            throw new ConflictException($"{userName} has a seat on {committee.Name} already; change or end that seat instead.");
        }
        var displayName = string.IsNullOrWhiteSpace(account.DisplayName) ? userName : account.DisplayName;
        var member = new CommitteeMember(committee.Id, userName, displayName[..Math.Min(displayName.Length, CommitteeMember.DisplayNameMax)], command.Role,
            command.Sex, command.Affiliated, command.TermStart, command.TermEnd, CommitteeSteps.Expertise(command.Expertise));
        db.CommitteeMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return MemberDto.From(member, CommitteeSteps.Today(clock));
    }
}
