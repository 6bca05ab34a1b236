namespace Ctms.Engine.Tests.Feel;

public class ArithmeticTests
{
    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("2 * 3 + 4", "10")]
    [InlineData("2 + 3 * 4", "14")]
    [InlineData("(2 + 3) * 4", "20")]
    [InlineData("10 / 4", "2.5")]
    [InlineData("10 / 4 * 2", "5")]
    [InlineData("2 ** 10", "1024")]
    [InlineData("2 ** -1", "0.5")]
    [InlineData("4 ** 0.5", "2")]
    [InlineData("-(1 + 2)", "-3")]
    [InlineData("- -3", "3")]
    [InlineData("5 - -2", "7")]
    [InlineData("1.1 + 2.2", "3.3")]
    [InlineData("\"foo\" + \"bar\"", "\"foobar\"")]
    [InlineData("3 ** 4 ** 5", "3486784401")]
    [InlineData("-3 ** 2", "9")]
    [InlineData("3 ** 2.00", "9")]
    [InlineData("3.22 ** 2", "10.3684")]
    [InlineData("decimal(3 ** 2.55, 4)", "16.4687")]
    public void Arithmetic_follows_precedence_and_decimal_rules(string expression, string expected) =>
        FeelRun.Text(expression).ShouldBe(expected);

    [Theory]
    [InlineData("1 / 0")]
    [InlineData("0 / 0")]
    [InlineData("1 + null")]
    [InlineData("null * 2")]
    [InlineData("\"a\" + 1")]
    [InlineData("1 + \"a\"")]
    [InlineData("true + 1")]
    [InlineData("-\"a\"")]
    [InlineData("[1] + [2]")]
    [InlineData("79228162514264337593543950335 + 1")]
    [InlineData("10 ** 100")]
    [InlineData("unknown + 1")]
    [InlineData("\"foo\" ** 4")]
    [InlineData("duration(\"P2D\") ** 4")]
    [InlineData("[2] ** 4")]
    [InlineData("0 ** -1")]
    public void Type_errors_overflow_and_division_by_zero_give_null(string expression) =>
        FeelRun.Value(expression).ShouldBeNull();

    [Fact]
    public void Variables_of_host_number_types_are_decimals()
    {
        var vars = FeelRun.Vars(("i", 2), ("l", 3L), ("d", 0.5), ("f", 1.5f));
        FeelRun.Value("i + l + d + f", vars).ShouldBe(7m);
    }
}
