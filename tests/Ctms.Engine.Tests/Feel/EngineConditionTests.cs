using Ctms.Engine.Feel;

namespace Ctms.Engine.Tests.Feel;

public class EngineConditionTests
{
    [Theory]
    [InlineData(new[] { "approve", "approve", "disapprove" }, true)]
    [InlineData(new[] { "approve", "disapprove" }, false)]
    [InlineData(new string[0], false)]
    public void Majority_vote_condition(string[] votes, bool expected) =>
        FeelRun.Value("count(votes[item = \"approve\"]) > count(votes) / 2", FeelRun.Vars(("votes", votes))).ShouldBe(expected);

    [Theory]
    [InlineData(1500, "open", true)]
    [InlineData(999.99, "open", false)]
    [InlineData(1000, "closed", false)]
    public void Amount_and_status_condition(double amount, string status, bool expected) =>
        FeelRun.Value("amount >= 1000 and status = \"open\"", FeelRun.Vars(("amount", amount), ("status", status))).ShouldBe(expected);

    [Fact]
    public void Amount_condition_with_a_missing_variable_is_not_true() =>
        FeelRun.Value("amount >= 1000 and status = \"open\"", FeelRun.Vars(("status", "open"))).ShouldBeNull();

    [Fact]
    public void Any_disapproval_condition() =>
        FeelRun.Value("some v in votes satisfies v = \"disapprove\"", FeelRun.Vars(("votes", new[] { "approve", "disapprove" }))).ShouldBe(true);

    [Fact]
    public void Deadline_thirty_days_out_with_a_fixed_clock()
    {
        var context = new FeelContext { Clock = new FixedClock(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero)) };

        FeelRun.Text("now() + duration(\"P30D\")", context: context).ShouldBe("2026-02-14T08:00:00Z");
    }

    [Fact]
    public void Output_mapping_builds_a_context()
    {
        var vars = FeelRun.Vars(("firstName", "Ada"), ("score", 91), ("flags", new[] { "x" }));

        FeelRun.Text("{name: upper case(firstName), passed: score >= 80, flagCount: count(flags)}", vars)
            .ShouldBe("{name: \"ADA\", passed: true, flagCount: 1}");
    }

    [Fact]
    public void Parsed_once_evaluated_many_times()
    {
        var expression = FeelParser.Parse("if score >= 50 then \"pass\" else \"fail\"");

        expression.Evaluate(new FeelVariables(FeelRun.Vars(("score", 70)))).ShouldBe("pass");
        expression.Evaluate(new FeelVariables(FeelRun.Vars(("score", 30)))).ShouldBe("fail");
        expression.Evaluate(FeelVariables.Empty).ShouldBe("fail");
    }

    [Theory]
    [InlineData("priority in [\"high\", \"urgent\"]", true)]
    [InlineData("retries < 3 or not(escalated)", true)]
    [InlineData("is defined(reviewer) and reviewer != null", false)]
    [InlineData("string length(comment) > 0", true)]
    [InlineData("contains(lower case(comment), \"ok\")", true)]
    [InlineData("every item in items satisfies item.qty > 0", true)]
    [InlineData("sum(items.qty) = 5", true)]
    [InlineData("items[sku = \"b\"][1].qty = 3", true)]
    public void Realistic_gateway_conditions(string condition, bool expected)
    {
        var vars = FeelRun.Vars(
            ("priority", "urgent"),
            ("retries", 5),
            ("escalated", false),
            ("reviewer", null),
            ("comment", "Looks OK"),
            ("items", new[]
            {
                new Dictionary<string, object?> { ["sku"] = "a", ["qty"] = 2 },
                new Dictionary<string, object?> { ["sku"] = "b", ["qty"] = 3 },
            }));

        FeelRun.Value(condition, vars).ShouldBe(expected);
    }
}
