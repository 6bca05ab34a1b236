using System.Globalization;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Randomization.Algorithms;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>
/// Randomizes an enrolled, eligible subject (O10, pi/sub-inv): the list methods consume the next unused row of the
/// subject's stratum, minimization allocates from the allocations so far with the random element of the subject's
/// sequence number. The allocation, the subject's move to Randomized and the row's consumption are one unit of work;
/// the unique indexes make two randomizations at the same moment end with exactly one allocation (the other 409).
/// Refused: not enrolled, not eligible, due for re-consent, already randomized (409); factors missing or unknown (400).
/// </summary>
public sealed record RandomizeSubject(Guid SubjectId, IReadOnlyDictionary<string, string>? Factors) : ICommand<RandomizationResultDto>;

public sealed class RandomizeSubjectHandler(CtmsDbContext db, SubjectStore subjects, RandomizationReader reader, ArmVisibility visibility, TimeProvider clock)
    : ICommandHandler<RandomizeSubject, RandomizationResultDto>
{
    public async ValueTask<RandomizationResultDto> Handle(RandomizeSubject command, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(command.SubjectId, ProjectActions.SubjectsRandomize, ct);
        if (subject.RandomizedAt is not null || await db.SubjectAllocations.AnyAsync(a => a.SubjectId == subject.Id, ct))
        {
            throw new ConflictException("The subject is already randomized; a subject is randomized once.");
        }
        if (subject.Status != SubjectStatus.Enrolled)
        {
            throw new ConflictException($"Only an enrolled subject can be randomized; this subject is {SubjectLifecycle.Name(subject.Status)}.");
        }
        if (subject.Eligible != true)
        {
            throw new ConflictException("The subject is not eligible: the eligibility criteria are not all met.");
        }
        var reconsent = await db.ReconsentRequirements.Where(r => r.ProjectId == subject.ProjectId).MaxAsync(r => (int?)r.ConsentVersionNumber, ct);
        if (reconsent is not null && (subject.ConsentVersionNumber ?? 0) < reconsent)
        {
            throw new ConflictException($"The subject must re-consent on ICF version {reconsent} before being randomized.");
        }
        var scheme = await reader.LockedSchemeAsync(subject.ProjectId, ct);
        var levels = ValidFactors(scheme, command.Factors);
        var now = clock.GetUtcNow();
        var by = subjects.UserName;

        var number = await db.SubjectAllocations.CountAsync(a => a.SchemeId == scheme.Id, ct) + 1;
        string stratum;
        int sequence;
        string arm;
        if (scheme.UsesLists)
        {
            stratum = scheme.Method == RandomizationMethod.StratifiedBlock ? Strata.Of(scheme.FactorList, levels) : ListGenerator.AllSubjects;
            var entry = await db.RandomizationListEntries.AsNoTracking()
                .Where(e => e.SchemeId == scheme.Id && e.Stratum == stratum
                            && !db.SubjectAllocations.Any(a => a.SchemeId == scheme.Id && a.Stratum == stratum && a.Sequence == e.Sequence))
                .OrderBy(e => e.Sequence).FirstOrDefaultAsync(ct)
                ?? throw new ConflictException("The randomization list of the subject's stratum is used up; the statistician must extend it.");
            (sequence, arm) = (entry.Sequence, entry.Arm);
        }
        else
        {
            stratum = ListGenerator.AllSubjects;
            sequence = number;
            var previous = await db.SubjectAllocations.AsNoTracking().Where(a => a.SchemeId == scheme.Id).OrderBy(a => a.Sequence)
                .Select(a => new { a.RandomizedArm, a.Factors }).ToListAsync(ct);
            arm = Minimization.Allocate(scheme.Seed, sequence, scheme.LockedArmList, scheme.FactorList,
                [.. previous.Select(p => new MinimizedSubject(p.RandomizedArm, JsonColumn.Read<Dictionary<string, string>>(p.Factors, [])))], levels,
                scheme.Probability);
        }
        var allocation = new SubjectAllocation(subject.Id, subject.ProjectId, scheme.Id, stratum, sequence,
            "R" + number.ToString("0000", CultureInfo.InvariantCulture), arm, levels, by, now);
        db.SubjectAllocations.Add(allocation);
        db.SubjectStatusChanges.Add(subject.MarkRandomized(by, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Matches(e))
        {
            throw new ConflictException(
                "Another randomization in this study was saved at the same moment; nothing was allocated to this subject. Reload and try again if the subject is still not randomized.");
        }
        var visible = await visibility.CanSeeArmAsync(scheme, subject.ProjectId, subject.Id, ct);
        return new RandomizationResultDto(subject.Id, allocation.RandomizationNumber, now, stratum, !visible,
            visible ? await ArmNames.OfAsync(db, subject.ProjectId, arm, ct) : null);
    }

    /// <summary>The factor levels the scheme needs, each one of its levels; anything else is a 400 on <c>factors.&lt;code&gt;</c>.</summary>
    private static Dictionary<string, string> ValidFactors(RandomizationScheme scheme, IReadOnlyDictionary<string, string>? given)
    {
        given ??= new Dictionary<string, string>();
        var v = new Validator();
        var levels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var factor in scheme.SubjectFactors)
        {
            if (!given.TryGetValue(factor.Code, out var level) || string.IsNullOrWhiteSpace(level))
            {
                v.Add($"factors.{factor.Code}", $"The factor {factor.Code} is needed: one of {string.Join(", ", factor.Levels)}.");
            }
            else if (!factor.Levels.Contains(level.Trim()))
            {
                v.Add($"factors.{factor.Code}", $"{factor.Code} must be one of {string.Join(", ", factor.Levels)}.");
            }
            else
            {
                levels[factor.Code] = level.Trim();
            }
        }
        foreach (var unknown in given.Keys.Where(k => scheme.SubjectFactors.All(f => f.Code != k)))
        {
            v.Add($"factors.{unknown}", $"The scheme has no factor {unknown}.");
        }
        v.ThrowIfInvalid();
        return levels;
    }
}
