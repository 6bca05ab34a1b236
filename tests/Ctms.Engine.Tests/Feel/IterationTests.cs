namespace Ctms.Engine.Tests.Feel;

public class IterationTests
{
    [Theory]
    [InlineData("some x in [1, 2, 3] satisfies x > 2", true)]
    [InlineData("some x in [1, 2, 3] satisfies x > 3", false)]
    [InlineData("every x in [1, 2, 3] satisfies x > 0", true)]
    [InlineData("every x in [1, 2, 3] satisfies x > 1", false)]
    [InlineData("some x in [] satisfies x > 0", false)]
    [InlineData("every x in [] satisfies x > 0", true)]
    [InlineData("some x in [1, \"a\"] satisfies x > 0", true)]
    [InlineData("some x in [\"a\", 0] satisfies x > 0", null)]
    [InlineData("every x in [1, \"a\"] satisfies x > 0", null)]
    [InlineData("every x in [0, \"a\"] satisfies x > 0", false)]
    [InlineData("some x in [1, 2], y in [2, 3] satisfies x = y", true)]
    [InlineData("every x in [1, 2], y in [3, 4] satisfies x < y", true)]
    [InlineData("some x in [1, 2], y in [x + 1] satisfies y = 3", true)]
    [InlineData("some x in null satisfies x", null)]
    [InlineData("every x in 5 satisfies x = 5", true)]
    [InlineData("some v in votes satisfies v = \"disapprove\"", true)]
    [InlineData("every v in votes satisfies v = \"approve\"", false)]
    public void Quantifiers_follow_three_valued_logic(string expression, bool? expected) =>
        FeelRun.Value(expression, FeelRun.Vars(("votes", new[] { "approve", "disapprove", "approve" }))).ShouldBe(expected);

    [Theory]
    [InlineData("for x in [1, 2, 3] return x * 2", "[2, 4, 6]")]
    [InlineData("for x in [] return x", "[]")]
    [InlineData("for i in 1..3 return i", "[1, 2, 3]")]
    [InlineData("for i in 3..1 return i", "[3, 2, 1]")]
    [InlineData("for x in [1, 2], y in [10, 20] return x + y", "[11, 21, 12, 22]")]
    [InlineData("for x in [1, 2], y in x..2 return [x, y]", "[[1, 1], [1, 2], [2, 2]]")]
    [InlineData("sum(for x in [1, 2, 3] return x * x)", "14")]
    [InlineData("for x in null return x", "null")]
    [InlineData("for i in 1..\"a\" return i", "null")]
    public void For_returns_one_result_per_combination(string expression, string expected) =>
        FeelRun.Text(expression).ShouldBe(expected);
}
