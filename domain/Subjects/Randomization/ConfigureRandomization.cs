using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Randomization.Algorithms;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>
/// Sets the project's randomization scheme (O04, pi/data-manager) while it is not locked: the method, block sizes (each a
/// multiple of the sum of the arms' ratios, checked at lock when the arms are final), factors with their levels, the
/// minimization's probability, the seed, the list length per stratum, the blinding and the unblinded roles.
/// </summary>
public sealed record ConfigureRandomization(Guid ProjectId, string? Method, IReadOnlyList<int>? BlockSizes, IReadOnlyList<RandomizationFactor>? Factors,
    double? Probability, string? Seed, int? ListLength, string? Blinding, IReadOnlyList<string>? UnblindedRoles) : ICommand<RandomizationSchemeDto>;

public sealed class ConfigureRandomizationHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock, RandomizationReader reader)
    : ICommandHandler<ConfigureRandomization, RandomizationSchemeDto>
{
    public async ValueTask<RandomizationSchemeDto> Handle(ConfigureRandomization command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsConfigure, command.ProjectId, ct);
        var v = new Validator();
        var method = RandomizationMethod.Simple;
        v.Must(Enum.TryParse(command.Method, ignoreCase: false, out method) && Enum.IsDefined(method), "method",
            $"Method must be one of: {string.Join(", ", Enum.GetNames<RandomizationMethod>())}.");
        var blinding = BlindingLevel.Double;
        v.Must(Enum.TryParse(command.Blinding ?? "Double", ignoreCase: false, out blinding) && Enum.IsDefined(blinding), "blinding",
            $"Blinding must be one of: {string.Join(", ", Enum.GetNames<BlindingLevel>())}.");
        v.Required("seed", command.Seed, RandomizationScheme.SeedMax);
        v.Must(command.Seed is null || command.Seed.Trim().Length >= 8, "seed", "The seed needs at least 8 characters.");
        var blockSizes = command.BlockSizes ?? [];
        var factors = (command.Factors ?? []).Select(f => new RandomizationFactor(f.Code?.Trim() ?? "", [.. (f.Levels ?? []).Select(l => l?.Trim() ?? "")])).ToList();
        var isBlock = method is RandomizationMethod.PermutedBlock or RandomizationMethod.StratifiedBlock;
        v.Must(!isBlock || blockSizes.Count > 0, "blockSizes", "Permuted blocks need at least one block size.");
        v.Must(blockSizes.All(s => s is > 0 and <= 100), "blockSizes", "Block sizes are between 1 and 100.");
        var needsFactors = method is RandomizationMethod.StratifiedBlock or RandomizationMethod.Minimization;
        v.Must(!needsFactors || factors.Count > 0, "factors", $"{method} needs at least one factor with its levels.");
        v.Must(factors.All(f => f.Code.Length is > 0 and <= 32 && !f.Code.Contains('=') && !f.Code.Contains(';')), "factors",
            "A factor needs a code of at most 32 characters without '=' or ';'.");
        v.Must(factors.All(f => f.Levels.Count >= 2 && f.Levels.All(l => l.Length is > 0 and <= 32 && !l.Contains(';'))
                                && f.Levels.Distinct(StringComparer.Ordinal).Count() == f.Levels.Count), "factors",
            "Every factor needs at least two distinct levels of at most 32 characters.");
        v.Must(factors.Select(f => f.Code).Distinct(StringComparer.Ordinal).Count() == factors.Count, "factors", "Factor codes must be distinct.");
        var probability = command.Probability ?? 0.8;
        v.Must(method != RandomizationMethod.Minimization || probability is > 0.5 and <= 1.0, "probability",
            "The probability of the least-imbalance arm is above 0.5 and at most 1.");
        var length = command.ListLength ?? 0;
        v.Must(method == RandomizationMethod.Minimization || length is > 0 and <= RandomizationScheme.MaxListLength, "listLength",
            $"The list length (per stratum) is between 1 and {RandomizationScheme.MaxListLength}.");
        var strata = factors.Aggregate(1L, (n, f) => n * Math.Max(1, f.Levels.Count));
        v.Must(method != RandomizationMethod.StratifiedBlock || strata * length <= 100_000, "factors",
            "Too many strata for the list length: at most 100,000 list rows in all.");
        var unblinded = (command.UnblindedRoles ?? [Roles.Pharmacist]).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct().ToList();
        v.Must(unblinded.All(r => r.Length <= 64), "unblindedRoles", "A role name has at most 64 characters.");
        v.ThrowIfInvalid();

        var scheme = await db.RandomizationSchemes.SingleOrDefaultAsync(s => s.ProjectId == command.ProjectId, ct);
        if (scheme is null)
        {
            scheme = new RandomizationScheme(command.ProjectId);
            db.RandomizationSchemes.Add(scheme);
        }
        scheme.Configure(method, method == RandomizationMethod.Simple || method == RandomizationMethod.Minimization ? [] : blockSizes,
            method is RandomizationMethod.StratifiedBlock or RandomizationMethod.Minimization ? factors : [], probability, command.Seed!.Trim(),
            method == RandomizationMethod.Minimization ? 0 : length, blinding, unblinded, user.UserName ?? "system", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await reader.DtoAsync(scheme, ct);
    }
}
