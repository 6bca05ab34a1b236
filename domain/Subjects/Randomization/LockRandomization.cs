using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Randomization.Algorithms;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>
/// Locks the scheme (O04): fixes the arms and their ratios as the protocol has them now, and for the list methods
/// generates the concealed lists from the seed (one per stratum) with their hash. Nothing changes after; refused (409)
/// without arms, twice, or when a block size does not fit the ratios (400).
/// </summary>
public sealed record LockRandomization(Guid ProjectId) : ICommand<RandomizationSchemeDto>;

public sealed class LockRandomizationHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock, RandomizationReader reader)
    : ICommandHandler<LockRandomization, RandomizationSchemeDto>
{
    public async ValueTask<RandomizationSchemeDto> Handle(LockRandomization command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsConfigure, command.ProjectId, ct);
        var scheme = await reader.SchemeAsync(command.ProjectId, ct)
                     ?? throw new ConflictException("There is no randomization scheme to lock: configure it first.");
        scheme.EnsureEditable();
        var arms = await db.StudyArms.AsNoTracking().Where(a => a.ProjectId == command.ProjectId).OrderBy(a => a.Code)
            .Select(a => new ArmRatio(a.Code, a.Ratio)).ToListAsync(ct);
        if (arms.Count < 2)
        {
            throw new ConflictException("A randomization needs at least two arms in the protocol.");
        }
        if (arms.Any(a => a.Ratio < 1))
        {
            throw new ConflictException("Every arm needs a ratio of at least 1.");
        }
        var unit = arms.Sum(a => a.Ratio);
        if (scheme.BlockSizeList.FirstOrDefault(s => s % unit != 0) is var bad and > 0)
        {
            throw DomainValidationException.For("blockSizes", $"Block size {bad} is not a multiple of {unit}, the sum of the arms' ratios.");
        }
        var list = scheme.Method switch
        {
            RandomizationMethod.Simple => ListGenerator.Simple(scheme.Seed, arms, scheme.ListLength),
            RandomizationMethod.PermutedBlock => ListGenerator.PermutedBlocks(scheme.Seed, arms, scheme.BlockSizeList, scheme.ListLength),
            RandomizationMethod.StratifiedBlock => ListGenerator.StratifiedBlocks(scheme.Seed, arms, scheme.BlockSizeList, scheme.FactorList, scheme.ListLength),
            _ => [],
        };
        db.RandomizationListEntries.AddRange(list.Select(e => new RandomizationListEntry(scheme.Id, e.Stratum, e.Sequence, e.Block, e.Arm)));
        scheme.Lock(arms, scheme.UsesLists ? ListGenerator.Hash(list) : null, user.UserName ?? "system", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await reader.DtoAsync(scheme, ct);
    }
}
