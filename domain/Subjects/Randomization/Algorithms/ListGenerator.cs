using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ctms.Domain.Subjects.Randomization.Algorithms;

/// <summary>
/// Generates the concealed lists of the list methods (simple, permuted blocks, stratified permuted blocks) from the seed.
/// Deterministic: the same seed, arms, block sizes, factors and length give the same list, byte for byte, and the same
/// <see cref="Hash"/>. Each stratum is generated from a stream of its own, so adding a factor level does not change the
/// lists of the other strata.
/// </summary>
public static class ListGenerator
{
    /// <summary>The stratum of the unstratified methods.</summary>
    public const string AllSubjects = "all";

    /// <summary>Simple randomization: each position drawn independently, arm probabilities proportional to the ratios.</summary>
    public static IReadOnlyList<ListEntry> Simple(string seed, IReadOnlyList<ArmRatio> arms, int length, string stratum = AllSubjects)
    {
        var stream = new SeededStream(seed, $"simple:{stratum}");
        var total = arms.Sum(a => a.Ratio);
        var list = new List<ListEntry>(length);
        for (var i = 1; i <= length; i++)
        {
            var draw = stream.NextInt(total);
            var arm = arms.First(a => (draw -= a.Ratio) < 0);
            list.Add(new ListEntry(stratum, i, 0, arm.Code));
        }
        return list;
    }

    /// <summary>
    /// Permuted blocks of random sizes: each block's size drawn from <paramref name="blockSizes"/> (each a multiple of the sum
    /// of the ratios), each block a random permutation of ratio-multiples of the arms. Whole blocks only: the list has at
    /// least <paramref name="length"/> rows, so it is balanced at the end of every block.
    /// </summary>
    public static IReadOnlyList<ListEntry> PermutedBlocks(string seed, IReadOnlyList<ArmRatio> arms, IReadOnlyList<int> blockSizes, int length,
        string stratum = AllSubjects)
    {
        var unit = arms.Sum(a => a.Ratio);
        if (blockSizes.Count == 0 || blockSizes.Any(size => size <= 0 || size % unit != 0))
        {
            throw new ArgumentException($"Every block size must be a positive multiple of {unit} (the sum of the ratios).", nameof(blockSizes));
        }
        var stream = new SeededStream(seed, $"blocks:{stratum}");
        var list = new List<ListEntry>(length + blockSizes.Max());
        var block = 0;
        while (list.Count < length)
        {
            block++;
            var size = blockSizes[stream.NextInt(blockSizes.Count)];
            var content = arms.SelectMany(a => Enumerable.Repeat(a.Code, a.Ratio * (size / unit))).ToList();
            stream.Shuffle(content);
            var start = list.Count;
            list.AddRange(content.Select((arm, i) => new ListEntry(stratum, start + i + 1, block, arm)));
        }
        return list;
    }

    /// <summary>Stratified permuted blocks: one permuted-block list per stratum (each combination of the factors' levels).</summary>
    public static IReadOnlyList<ListEntry> StratifiedBlocks(string seed, IReadOnlyList<ArmRatio> arms, IReadOnlyList<int> blockSizes,
        IReadOnlyList<RandomizationFactor> factors, int lengthPerStratum) =>
        [.. Strata.All(factors).SelectMany(stratum => PermutedBlocks(seed, arms, blockSizes, lengthPerStratum, stratum))];

    /// <summary>The SHA-256 of the list's canonical text (one "stratum|sequence|block|arm" line per row), lower-case hex.</summary>
    public static string Hash(IEnumerable<ListEntry> list)
    {
        var text = new StringBuilder();
        foreach (var e in list)
        {
            text.Append(e.Stratum).Append('|').Append(e.Sequence.ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(e.Block.ToString(CultureInfo.InvariantCulture)).Append('|').Append(e.Arm).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
