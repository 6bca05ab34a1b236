using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>The EC office creates a committee (a hospital may have several) with its code, name and rules; the code is unique (409).</summary>
public sealed record CreateCommittee(string Code, string Name, CommitteeRules? Rules) : ICommand<CommitteeDto>, IValidatable
{
    public void Validate(Validator v)
    {
        v.Required("code", Code, EthicsCommittee.CodeMax).Required("name", Name, EthicsCommittee.NameMax);
        Rules?.Validate(v);
    }
}

public sealed class CreateCommitteeHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateCommittee, CommitteeDto>
{
    public async ValueTask<CommitteeDto> Handle(CreateCommittee command, CancellationToken ct)
    {
        await CommitteeSteps.EnsureManagerAsync(access, user, ct);
        var code = command.Code.Trim().ToUpperInvariant();
        if (await db.EthicsCommittees.AnyAsync(c => c.Code == code, ct))
        {
            throw new ConflictException($"A committee with the code {code} exists already.");
        }
        var committee = new EthicsCommittee(code, command.Name.Trim(), clock.GetUtcNow());
        (command.Rules ?? new CommitteeRules()).ApplyTo(committee);
        db.EthicsCommittees.Add(committee);
        await db.SaveChangesAsync(ct);
        return CommitteeDto.From(committee, [], CommitteeSteps.Today(clock));
    }
}
