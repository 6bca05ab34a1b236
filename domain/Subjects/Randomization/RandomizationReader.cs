using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>Loads a project's scheme and shows it (never the seed or the lists; the block sizes only to those who configure it).</summary>
public sealed class RandomizationReader(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
{
    public Task<RandomizationScheme?> SchemeAsync(Guid projectId, CancellationToken ct) =>
        db.RandomizationSchemes.SingleOrDefaultAsync(s => s.ProjectId == projectId, ct);

    public async Task<RandomizationScheme> LockedSchemeAsync(Guid projectId, CancellationToken ct) =>
        await SchemeAsync(projectId, ct) is { IsLocked: true } scheme
            ? scheme
            : throw new ConflictException("The project's randomization scheme is not locked yet: no subject can be randomized.");

    public async Task<RandomizationSchemeDto> DtoAsync(RandomizationScheme scheme, CancellationToken ct)
    {
        var configurer = await access.CanAsync(user.Access, ProjectActions.SubjectsConfigure, scheme.ProjectId, ct);
        var allocated = await db.SubjectAllocations.CountAsync(a => a.SchemeId == scheme.Id, ct);
        var arms = scheme.IsLocked
            ? scheme.LockedArmList
            : await db.StudyArms.AsNoTracking().Where(a => a.ProjectId == scheme.ProjectId).OrderBy(a => a.Code)
                .Select(a => new Algorithms.ArmRatio(a.Code, a.Ratio)).ToListAsync(ct);
        return new RandomizationSchemeDto(scheme.ProjectId, true, scheme.Method.ToString(), configurer ? scheme.BlockSizeList : null, scheme.FactorList,
            scheme.Probability, scheme.ListLength, scheme.Blinding.ToString(), scheme.UnblindedRoleList, scheme.IsLocked, scheme.LockedAt, scheme.LockedBy,
            scheme.ListHash, arms, allocated);
    }

    public static RandomizationSchemeDto NotConfigured(Guid projectId) =>
        new(projectId, false, null, null, [], 0, 0, BlindingLevel.Double.ToString(), [], false, null, null, null, [], 0);
}
