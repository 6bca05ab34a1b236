using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>An investigator edits their own profile (or the CTI office does it for them).</summary>
public sealed record UpdateInvestigatorProfile(string UserName, string? Title, string? Department, string? Specialty, string? LicenceNumber, string? Phone)
    : ICommand<InvestigatorProfileDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(UserName), UserName, 256)
        .Optional(nameof(Title), Title, InvestigatorProfile.TextMax)
        .Optional(nameof(Department), Department, InvestigatorProfile.TextMax)
        .Optional(nameof(Specialty), Specialty, InvestigatorProfile.TextMax)
        .Optional(nameof(LicenceNumber), LicenceNumber, InvestigatorProfile.TextMax)
        .Optional(nameof(Phone), Phone, InvestigatorProfile.TextMax);
}

public sealed class UpdateInvestigatorProfileHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateInvestigatorProfile, InvestigatorProfileDto>
{
    public async ValueTask<InvestigatorProfileDto> Handle(UpdateInvestigatorProfile command, CancellationToken ct)
    {
        var person = await PeopleDirectory.FindInvestigatorAsync(db, command.UserName, ct);
        await PeopleDirectory.EnsureSelfOrManagerAsync(access, user, person, ct);
        var now = clock.GetUtcNow();
        var profile = await db.InvestigatorProfiles.SingleOrDefaultAsync(p => p.UserName == person.UserName, ct);
        if (profile is null)
        {
            profile = new InvestigatorProfile(person.UserName!, now);
            db.InvestigatorProfiles.Add(profile);
        }
        profile.Update(PeopleDirectory.Trim(command.Title), PeopleDirectory.Trim(command.Department), PeopleDirectory.Trim(command.Specialty),
            PeopleDirectory.Trim(command.LicenceNumber), PeopleDirectory.Trim(command.Phone), now);
        await db.SaveChangesAsync(ct);
        return GetInvestigatorHandler.ToDto(profile);
    }
}
