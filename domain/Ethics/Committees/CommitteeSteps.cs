using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>What the committee administration does first: check that the person manages committees, load what they change.</summary>
internal static class CommitteeSteps
{
    public static async Task EnsureManagerAsync(ProjectAccess access, ICurrentUser user, CancellationToken ct)
    {
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.EthicsManageCommittees, ct))
        {
            throw new ForbiddenException("Only the EC office manages the ethics committees.");
        }
    }

    public static async Task<EthicsCommittee> CommitteeAsync(CtmsDbContext db, Guid committeeId, CancellationToken ct) =>
        await db.EthicsCommittees.SingleOrDefaultAsync(c => c.Id == committeeId, ct)
        ?? throw new NotFoundException($"Ethics committee {committeeId} was not found.");

    public static async Task<CommitteeMember> MemberAsync(CtmsDbContext db, Guid committeeId, Guid memberId, CancellationToken ct) =>
        await db.CommitteeMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.CommitteeId == committeeId, ct)
        ?? throw new NotFoundException($"Member {memberId} of committee {committeeId} was not found.");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Expertise as typed in a form: separated by ';' or ','.</summary>
    public static IReadOnlyList<string> Expertise(IEnumerable<string>? expertise) =>
        [.. (expertise ?? []).SelectMany(e => e.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    public static void ValidateSeat(Validator v, DateOnly termStart, DateOnly termEnd, IEnumerable<string>? expertise)
    {
        v.Must(termEnd >= termStart, "termEnd", "The term must end on or after its start.");
        var joined = string.Join(';', Expertise(expertise).Select(e => e.ToLowerInvariant()).Distinct());
        v.Must(joined.Length <= CommitteeMember.ExpertiseMax, "expertise", $"The expertise has at most {CommitteeMember.ExpertiseMax} characters.");
    }
}
