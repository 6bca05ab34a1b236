using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Access;

/// <summary>Gives a user a role on a project for a period (an inspector's access window, a CRC's assignment).</summary>
public sealed record AddProjectMember(Guid ProjectId, string UserName, string Role, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil)
    : ICommand<MembershipDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(UserName), UserName, 256)
        .Required(nameof(Role), Role, 32)
        .Must(Role is null || Roles.IsKnown(Role), nameof(Role), $"Role must be one of: {string.Join(", ", Roles.All)}.")
        .Must(ValidUntil is null || ValidFrom is null || ValidUntil > ValidFrom, nameof(ValidUntil), "ValidUntil must be after ValidFrom.");
}

public sealed class AddProjectMemberHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock,
    People.IInvestigatorQualification qualification)
    : ICommandHandler<AddProjectMember, MembershipDto>
{
    public async ValueTask<MembershipDto> Handle(AddProjectMember command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.ManageMembers, command.ProjectId, ct);
        var normalized = command.UserName.Trim().ToUpperInvariant();
        var member = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
                     ?? throw new NotFoundException($"User '{command.UserName.Trim()}' was not found.");
        var now = clock.GetUtcNow();
        // An investigator needs a GCP certificate valid for the whole membership (A04).
        await qualification.EnsureQualifiedAsync(member.UserName!, command.Role, command.ValidFrom ?? now, command.ValidUntil, ct);
        var existing = await db.ProjectMemberships
            .Where(m => m.ProjectId == command.ProjectId && m.UserId == member.Id && m.Role == command.Role)
            .ToListAsync(ct);
        if (existing.Any(m => m.IsActiveAt(now) || m.RevokedAt is null && m.ValidFrom > now))
        {
            throw new ConflictException($"'{member.UserName}' already has the role {command.Role} on this project.");
        }
        var membership = new ProjectMembership(command.ProjectId, member.Id, command.Role, command.ValidFrom ?? now, command.ValidUntil);
        db.ProjectMemberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return ListProjectMembersHandler.ToDto(membership, member.UserName, now);
    }
}
