namespace Ctms.Engine.Tests.Feel;

public class LogicTests
{
    [Theory]
    [InlineData("true and true", true)]
    [InlineData("true and false", false)]
    [InlineData("true and null", null)]
    [InlineData("false and true", false)]
    [InlineData("false and false", false)]
    [InlineData("false and null", false)]
    [InlineData("null and false", false)]
    [InlineData("null and true", null)]
    [InlineData("null and null", null)]
    [InlineData("true and \"x\"", null)]
    [InlineData("0 and false", false)]
    public void And_follows_the_three_valued_table(string expression, bool? expected) =>
        FeelRun.Value(expression).ShouldBe(expected);

    [Theory]
    [InlineData("true or true", true)]
    [InlineData("true or false", true)]
    [InlineData("true or null", true)]
    [InlineData("false or false", false)]
    [InlineData("false or null", null)]
    [InlineData("null or true", true)]
    [InlineData("null or false", null)]
    [InlineData("null or null", null)]
    [InlineData("1 or true", true)]
    public void Or_follows_the_three_valued_table(string expression, bool? expected) =>
        FeelRun.Value(expression).ShouldBe(expected);

    [Theory]
    [InlineData("not(true)", false)]
    [InlineData("not(false)", true)]
    [InlineData("not(null)", null)]
    [InlineData("not(1)", null)]
    [InlineData("not(1 > 2)", true)]
    [InlineData("not(negand: true)", false)]
    public void Not_negates_booleans_only(string expression, bool? expected) =>
        FeelRun.Value(expression).ShouldBe(expected);

    [Theory]
    [InlineData("if true then 1 else 2", "1")]
    [InlineData("if false then 1 else 2", "2")]
    [InlineData("if null then 1 else 2", "2")]
    [InlineData("if \"yes\" then 1 else 2", "2")]
    [InlineData("if 1 > 0 then \"pos\" else if 1 < 0 then \"neg\" else \"zero\"", "\"pos\"")]
    [InlineData("(if x > 1 then 10 else 20) + 1", "21")]
    public void If_takes_the_else_branch_unless_the_condition_is_true(string expression, string expected) =>
        FeelRun.Text(expression).ShouldBe(expected);

    [Fact]
    public void And_does_not_need_the_right_side_when_the_left_is_false() =>
        FeelRun.Value("false and count(x) > 1").ShouldBe(false);
}
