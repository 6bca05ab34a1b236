using Ctms.Domain.Subjects.Randomization.Algorithms;

namespace Ctms.Domain.Tests.Subjects.Randomization;

/// <summary>The list methods: balance within every block and stratum, the ratios respected, and reproducible from the seed.</summary>
public sealed class ListGeneratorTests
{
    private static readonly ArmRatio[] OneToOne = [new("A", 1), new("B", 1)];
    private static readonly ArmRatio[] TwoToOne = [new("ACT", 2), new("PBO", 1)];

    private static readonly RandomizationFactor[] Factors =
    [
        new("sex", ["M", "F"]),
        new("age", ["<65", ">=65"]),
        new("site", ["01", "02", "03"]),
    ];

    [Theory]
    [InlineData(new[] { 4, 6 }, 1)]
    [InlineData(new[] { 3, 6, 9 }, 2)]
    public void Every_block_holds_each_arm_in_its_ratio_and_the_block_sizes_vary(int[] sizes, int activeRatio)
    {
        ArmRatio[] arms = activeRatio == 1 ? OneToOne : TwoToOne;
        var list = ListGenerator.PermutedBlocks("seed-1", arms, sizes, 300);

        list.Count.ShouldBeGreaterThanOrEqualTo(300);
        var blocks = list.GroupBy(e => e.Block).ToList();
        foreach (var block in blocks)
        {
            sizes.ShouldContain(block.Count());
            var unit = arms.Sum(a => a.Ratio);
            foreach (var arm in arms)
            {
                block.Count(e => e.Arm == arm.Code).ShouldBe(arm.Ratio * block.Count() / unit, $"block {block.Key}");
            }
        }
        blocks.Select(b => b.Count()).Distinct().Count().ShouldBe(sizes.Length, "every allowed block size is used");
        list.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, list.Count));
        // The order inside blocks is random: not every block starts with the same arm.
        blocks.Select(b => b.First().Arm).Distinct().Count().ShouldBe(arms.Length);
    }

    [Fact]
    public void Every_stratum_has_its_own_list_balanced_at_the_end_of_every_block()
    {
        var list = ListGenerator.StratifiedBlocks("seed-2", OneToOne, [4, 6], Factors, 40);

        var strata = list.GroupBy(e => e.Stratum).ToList();
        strata.Count.ShouldBe(2 * 2 * 3);
        strata.Select(s => s.Key).ShouldContain("sex=F;age=>=65;site=02");
        foreach (var stratum in strata)
        {
            var running = 0;
            foreach (var block in stratum.GroupBy(e => e.Block))
            {
                block.Count(e => e.Arm == "A").ShouldBe(block.Count(e => e.Arm == "B"), $"{stratum.Key} block {block.Key}");
                running += block.Count(e => e.Arm == "A") - block.Count(e => e.Arm == "B");
                running.ShouldBe(0);
            }
            // Within a block the imbalance never exceeds half the largest block.
            var imbalance = 0;
            foreach (var entry in stratum)
            {
                imbalance += entry.Arm == "A" ? 1 : -1;
                Math.Abs(imbalance).ShouldBeLessThanOrEqualTo(3);
            }
        }
        // The strata's lists differ (their streams are independent).
        strata.Select(s => string.Concat(s.Take(12).Select(e => e.Arm))).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public void The_same_seed_gives_the_same_list_byte_for_byte_and_another_seed_another_list()
    {
        var first = ListGenerator.StratifiedBlocks("statistician-seed-2026", TwoToOne, [3, 6], Factors, 30);
        var again = ListGenerator.StratifiedBlocks("statistician-seed-2026", TwoToOne, [3, 6], Factors, 30);
        var other = ListGenerator.StratifiedBlocks("statistician-seed-2027", TwoToOne, [3, 6], Factors, 30);

        again.ShouldBe(first);
        ListGenerator.Hash(again).ShouldBe(ListGenerator.Hash(first));
        ListGenerator.Hash(other).ShouldNotBe(ListGenerator.Hash(first));
        other.Select(e => e.Arm).ShouldNotBe(first.Select(e => e.Arm));

        var simple = ListGenerator.Simple("s", OneToOne, 100);
        simple.ShouldBe(ListGenerator.Simple("s", OneToOne, 100));
        simple.Select(e => e.Arm).ShouldNotBe(ListGenerator.Simple("t", OneToOne, 100).Select(e => e.Arm));
    }

    [Fact]
    public void The_generator_is_pinned_so_a_list_regenerated_on_another_runtime_is_the_same()
    {
        // The first draws of a fixed seed, computed once: a change of the generator (or of .NET) would break every list.
        var stream = new SeededStream("pinned", "blocks:all");
        Enumerable.Range(0, 8).Select(_ => stream.NextInt(1000)).ToArray().ShouldBe([860, 34, 940, 728, 831, 600, 885, 527]);
        ListGenerator.Hash(ListGenerator.PermutedBlocks("pinned", OneToOne, [4], 8)).ShouldBe("adfcc830fcdddf14af7209bfa65702b80b9ee300ae7d6f31e343076a294716b4");
    }

    [Fact]
    public void Simple_randomization_follows_the_ratios_in_the_long_run()
    {
        var list = ListGenerator.Simple("ratio", TwoToOne, 3000);
        var active = list.Count(e => e.Arm == "ACT") / 3000.0;
        active.ShouldBeInRange(0.63, 0.70);
    }

    [Fact]
    public void A_block_size_that_is_not_a_multiple_of_the_ratios_is_refused()
    {
        Should.Throw<ArgumentException>(() => ListGenerator.PermutedBlocks("x", TwoToOne, [4], 10));
    }
}
