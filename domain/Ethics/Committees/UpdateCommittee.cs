using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>The EC office changes a committee's name or rules.</summary>
public sealed record UpdateCommittee(Guid CommitteeId, string Name, CommitteeRules Rules) : ICommand<CommitteeDto>, IValidatable
{
    public void Validate(Validator v)
    {
        v.Required("name", Name, EthicsCommittee.NameMax);
        Rules.Validate(v);
    }
}

public sealed class UpdateCommitteeHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateCommittee, CommitteeDto>
{
    public async ValueTask<CommitteeDto> Handle(UpdateCommittee command, CancellationToken ct)
    {
        await CommitteeSteps.EnsureManagerAsync(access, user, ct);
        var committee = await CommitteeSteps.CommitteeAsync(db, command.CommitteeId, ct);
        committee.Name = command.Name.Trim();
        command.Rules.ApplyTo(committee);
        await db.SaveChangesAsync(ct);
        var members = await db.CommitteeMembers.AsNoTracking().Where(m => m.CommitteeId == committee.Id).ToListAsync(ct);
        return CommitteeDto.From(committee, members, CommitteeSteps.Today(clock));
    }
}
