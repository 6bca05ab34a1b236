namespace Ctms.Domain.Subjects.Randomization.Algorithms;

/// <summary>An arm as the algorithms see it: its code and its allocation ratio (2:1 is ratios 2 and 1).</summary>
public sealed record ArmRatio(string Code, int Ratio);

/// <summary>A stratification or minimization factor: its code and its levels ("sex": "M", "F").</summary>
public sealed record RandomizationFactor(string Code, IReadOnlyList<string> Levels);

/// <summary>One row of a generated list: the stratum, the position in it (1-based), the block (1-based; 0 for simple) and the arm.</summary>
public sealed record ListEntry(string Stratum, int Sequence, int Block, string Arm);
