using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Contracts;

/// <summary>The checks every contract command shares: access, the project's state, and who may act in which role or for which party.</summary>
internal static class ContractRules
{
    /// <summary>The project states in which a contract may be drafted or changed: approved and on (not suspended, terminated or closing).</summary>
    public static readonly IReadOnlyList<ProjectStatus> Contractable = [ProjectStatus.Approved, ProjectStatus.Contracted, ProjectStatus.Enrolling];

    /// <summary>The roles that review a contract round (P10), each once a round.</summary>
    public static readonly IReadOnlyList<string> ContractReviewers = [Roles.CtiSecretary, Roles.FinanceOfficer, Roles.Pi];

    /// <summary>The roles that decide on an amendment (A07), in order.</summary>
    public static readonly IReadOnlyList<string> AmendmentReviewers = [Roles.FinanceOfficer, Roles.CtiDirector];

    /// <summary>The parties that sign a contract, and an amendment.</summary>
    public static readonly IReadOnlyList<ContractParty> ContractSigners = [ContractParty.Hospital, ContractParty.Sponsor, ContractParty.PrincipalInvestigator];

    public static readonly IReadOnlyList<ContractParty> AmendmentSigners = [ContractParty.Hospital, ContractParty.Sponsor];

    /// <summary>Checks the action (404 when the project is hidden, 403 when the role does not allow it) and loads the project.</summary>
    public static async Task<Project> ProjectAsync(CtmsDbContext db, ProjectAccess access, ICurrentUser user, Guid projectId, string action, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, action, projectId, ct);
        return await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct)
               ?? throw new NotFoundException($"Project {projectId} was not found.");
    }

    public static void EnsureContractable(Project project)
    {
        if (!Contractable.Contains(project.Status))
        {
            throw new ConflictException($"The project is {project.Status}; a contract is made for an approved project (Approved, Contracted or Enrolling).");
        }
    }

    /// <summary>The project's contract with its lines (tracked); 404 when it has none yet.</summary>
    public static async Task<Contract> ContractAsync(CtmsDbContext db, Guid projectId, CancellationToken ct) =>
        await db.Contracts.Include(c => c.Lines).SingleOrDefaultAsync(c => c.ProjectId == projectId, ct)
        ?? throw new NotFoundException($"Project {projectId} has no contract yet.");

    public static async Task<ContractAmendment> AmendmentAsync(CtmsDbContext db, Contract contract, Guid amendmentId, CancellationToken ct) =>
        await db.ContractAmendments.SingleOrDefaultAsync(a => a.Id == amendmentId && a.ContractId == contract.Id, ct)
        ?? throw new NotFoundException($"Amendment {amendmentId} was not found on contract {contract.Number}.");

    /// <summary>
    /// The role a reviewer acts in: the one asked for, which the user must hold (a global role, or for pi an active
    /// membership on the project); or, when none is asked for, the only one of <paramref name="reviewers"/> they hold.
    /// </summary>
    public static async Task<string> ReviewerRoleAsync(CtmsDbContext db, ICurrentUser user, Guid projectId, string? requested,
        IReadOnlyList<string> reviewers, DateTimeOffset now, CancellationToken ct)
    {
        if (requested is { Length: > 0 })
        {
            if (!reviewers.Contains(requested, StringComparer.Ordinal))
            {
                throw DomainValidationException.For("As", $"A review here is made as one of: {string.Join(", ", reviewers)}.");
            }
            return await HoldsAsync(db, user, projectId, requested, now, ct)
                ? requested
                : throw new ForbiddenException($"You do not hold the role {requested} on this project, so you cannot review as {requested}.");
        }
        var held = new List<string>();
        foreach (var role in reviewers)
        {
            if (await HoldsAsync(db, user, projectId, role, now, ct))
            {
                held.Add(role);
            }
        }
        return held.Count switch
        {
            1 => held[0],
            0 => throw new ForbiddenException($"Only {string.Join(", ", reviewers)} review here; you hold none of these roles on this project."),
            _ => throw DomainValidationException.For("As", $"You hold several reviewer roles ({string.Join(", ", held)}); say which one you review as."),
        };
    }

    /// <summary>Refuses (403) a signer who may not sign for the party: the hospital is the CTI director, the sponsor the project's applicant, the PI the project's PI.</summary>
    public static async Task EnsureMaySignForAsync(CtmsDbContext db, ICurrentUser user, Guid projectId, ContractParty party, DateTimeOffset now, CancellationToken ct)
    {
        var role = party switch
        {
            ContractParty.Hospital => Roles.CtiDirector,
            ContractParty.Sponsor => Roles.Applicant,
            _ => Roles.Pi,
        };
        if (!await HoldsAsync(db, user, projectId, role, now, ct))
        {
            throw new ForbiddenException(party switch
            {
                ContractParty.Hospital => "Only the CTI director signs for the hospital.",
                ContractParty.Sponsor => "Only the project's applicant signs for the sponsor.",
                _ => "Only the project's PI signs as principal investigator.",
            });
        }
    }

    public static string DefaultMeaning(ContractParty party, string? sponsor) => party switch
    {
        ContractParty.Hospital => "Signed on behalf of the hospital",
        ContractParty.Sponsor => $"Signed on behalf of the sponsor{(sponsor is { Length: > 0 } ? " " + sponsor : "")}",
        _ => "Signed as principal investigator",
    };

    private static async Task<bool> HoldsAsync(CtmsDbContext db, ICurrentUser user, Guid projectId, string role, DateTimeOffset now, CancellationToken ct)
    {
        // Project roles (pi, applicant) come from an active membership on this project; office roles are global.
        if (role is Roles.Pi or Roles.Applicant)
        {
            var memberships = await db.ProjectMemberships.AsNoTracking()
                .Where(m => m.ProjectId == projectId && m.UserId == user.UserId && m.Role == role).ToListAsync(ct);
            return memberships.Any(m => m.IsActiveAt(now));
        }
        return user.Access.IsInRole(role);
    }
}
