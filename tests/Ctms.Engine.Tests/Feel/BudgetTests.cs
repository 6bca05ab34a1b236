using System.Text;
using Ctms.Engine.Feel;

namespace Ctms.Engine.Tests.Feel;

public class BudgetTests
{
    [Fact]
    public void Exceeding_the_step_budget_throws()
    {
        var expression = FeelParser.Parse("for i in 1..1000, j in 1..1000 return i * j");

        var error = Should.Throw<FeelEvaluationException>(() => expression.Evaluate(FeelVariables.Empty));

        error.Message.ShouldContain("100000");
    }

    [Fact]
    public void The_step_budget_is_configurable()
    {
        var expression = FeelParser.Parse("count(for i in 1..100 return i)");

        expression.Evaluate(FeelVariables.Empty).ShouldBe(100m);
        Should.Throw<FeelEvaluationException>(() => expression.Evaluate(FeelVariables.Empty, new FeelContext { MaxSteps = 50 }));
    }

    [Fact]
    public void Quantifiers_over_huge_ranges_hit_the_budget() =>
        Should.Throw<FeelEvaluationException>(() =>
            FeelRun.Value("count(for i in 1..2000000000 return i)"));

    [Fact]
    public void Deeply_nested_parentheses_are_a_syntax_error_not_a_crash()
    {
        var text = new string('(', 10_000) + "1" + new string(')', 10_000);

        var error = Should.Throw<FeelSyntaxException>(() => FeelParser.Parse(text));

        error.Message.ShouldContain("nested");
    }

    [Fact]
    public void Deeply_nested_lists_are_a_syntax_error_not_a_crash() =>
        Should.Throw<FeelSyntaxException>(() => FeelParser.Parse(new string('[', 5_000) + new string(']', 5_000)));

    [Fact]
    public void Long_chains_of_unary_minus_are_a_syntax_error_not_a_crash() =>
        Should.Throw<FeelSyntaxException>(() => FeelParser.Parse(new string('-', 50_000) + "1"));

    [Fact]
    public void Very_long_operator_chains_are_a_syntax_error_not_a_crash()
    {
        var text = string.Join(" + ", Enumerable.Repeat("1", 20_000));

        Should.Throw<FeelSyntaxException>(() => FeelParser.Parse(text));
    }

    [Fact]
    public void Long_but_shallow_chains_still_evaluate()
    {
        var text = string.Join(" + ", Enumerable.Repeat("1", 500));

        FeelRun.Value(text).ShouldBe(500m);
    }

    [Fact]
    public void Huge_flat_lists_parse_and_count_steps()
    {
        var text = "[" + string.Join(",", Enumerable.Repeat("1", 200_000)) + "]";
        var expression = FeelParser.Parse(text);

        Should.Throw<FeelEvaluationException>(() => expression.Evaluate(FeelVariables.Empty));
    }

    [Fact]
    public void Building_huge_strings_is_stopped()
    {
        var vars = FeelRun.Vars(("s", new string('x', 600_000)));

        Should.Throw<FeelEvaluationException>(() => FeelRun.Value("s + s", vars));
    }

    [Fact]
    public void String_work_counts_against_the_budget()
    {
        var vars = FeelRun.Vars(("s", new string('x', 100_000)));

        Should.Throw<FeelEvaluationException>(() => FeelRun.Value("count(for i in 1..1000 return upper case(s))", vars));
    }

    [Fact]
    public void Catastrophic_regexes_run_in_linear_time()
    {
        var vars = FeelRun.Vars(("s", new string('a', 40) + "!"));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        FeelRun.Value("matches(s, \"^(a+)+$\")", vars).ShouldBe(false);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Catastrophic_regexes_with_backreferences_time_out_instead_of_hanging()
    {
        var vars = FeelRun.Vars(("s", new string('a', 40) + "!"));

        Should.Throw<FeelEvaluationException>(() => FeelRun.Value("matches(s, \"^(a+)+\\1$\")", vars));
    }

    [Fact]
    public void Replacements_that_would_grow_a_string_too_far_are_stopped()
    {
        var vars = FeelRun.Vars(("s", new string('a', 10_000)), ("r", new string('b', 1_000)));

        Should.Throw<FeelEvaluationException>(() => FeelRun.Value("replace(s, \"a\", r)", vars));
    }

    [Fact]
    public void Joins_that_would_build_a_huge_string_are_stopped()
    {
        var vars = FeelRun.Vars(("items", Enumerable.Repeat("x", 2_000).ToArray()), ("d", new string('-', 1_000)));

        Should.Throw<FeelEvaluationException>(() => FeelRun.Value("string join(items, d)", vars));
    }

    [Fact]
    public void A_failing_host_variable_source_gives_an_evaluation_exception()
    {
        var expression = FeelParser.Parse("x + 1");

        var error = Should.Throw<FeelEvaluationException>(() => expression.Evaluate(new ThrowingVariables()));

        error.InnerException.ShouldBeOfType<InvalidOperationException>();
    }

    [Fact]
    public void Unsupported_host_values_give_an_evaluation_exception() =>
        Should.Throw<FeelEvaluationException>(() => FeelRun.Value("x", FeelRun.Vars(("x", new StringBuilder()))));

    [Fact]
    public void Parsed_expressions_can_be_evaluated_concurrently()
    {
        var expression = FeelParser.Parse("sum(for i in 1..100 return i * k)");

        var results = Enumerable.Range(1, 20).AsParallel()
            .Select(k => expression.Evaluate(new FeelVariables(FeelRun.Vars(("k", k)))))
            .ToList();

        results.Sum(r => (decimal)r!).ShouldBe(5050m * 210);
    }

    private sealed class ThrowingVariables : IFeelVariables
    {
        public bool TryGet(string name, out object? value) => throw new InvalidOperationException("store is down");
    }
}
