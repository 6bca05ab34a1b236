using Ctms.Engine.Feel;

namespace Ctms.Engine.Tests.Feel;

public class SyntaxErrorTests
{
    [Theory]
    [InlineData("max(1, 2", 8, "Expected ')'")]
    [InlineData("(1 + 2", 6, "Expected ')'")]
    [InlineData("[1, 2", 5, "Expected ']'")]
    [InlineData("{a: 1", 5, "Expected '}'")]
    [InlineData("{a 1}", 3, "Expected ':'")]
    [InlineData("{a: 1, a: 2}", 7, "Duplicate context key 'a'")]
    [InlineData("1 +", 3, "Unexpected end of expression")]
    [InlineData("1 2", 2, "Unexpected '2'")]
    [InlineData("if x then 1", 11, "Expected 'else'")]
    [InlineData("if x 1 else 2", 5, "Expected 'then'")]
    [InlineData("some x in [1] x > 1", 14, "Expected 'satisfies'")]
    [InlineData("for x [1] return x", 6, "Expected 'in'")]
    [InlineData("\"abc", 0, "Unterminated string")]
    [InlineData("1 # 2", 2, "Unexpected character '#'")]
    [InlineData("uppercase(\"a\")", 0, "Unknown function 'uppercase'")]
    [InlineData("x and and y", 6, "Unexpected 'and'")]
    [InlineData("substring(\"a\")", 0, "Function 'substring' takes 2 to 3 arguments")]
    [InlineData("not(1, 2)", 0, "Function 'not' takes 1 argument(s)")]
    [InlineData("substring(strin: \"a\", start position: 1)", 0, "has no signature")]
    [InlineData("substring(\"a\", start position: 1)", 0, "cannot be mixed")]
    [InlineData("@\"2026-13-01\"", 0, "Invalid temporal literal")]
    [InlineData("x.", 2, "Expected a name after '.'")]
    [InlineData("x[1", 3, "Expected ']'")]
    [InlineData("5 in (1..10", 11, "Expected ']' or ')'")]
    [InlineData("x instance of widget", 14, "Expected a type name")]
    [InlineData("function(a) a + 1", 0, "Function definitions are only supported as the precedes argument of sort()")]
    [InlineData("sort([1], function(a) a)", 10, "The function must take 2 parameters")]
    [InlineData("count([1], function(a, b) a)", 11, "Function definitions are only supported")]
    [InlineData("1 /* open", 2, "Unterminated comment")]
    [InlineData("", 0, "Unexpected end of expression")]
    public void Syntax_errors_name_the_position_and_what_was_expected(string text, int position, string message)
    {
        var error = Should.Throw<FeelSyntaxException>(() => FeelParser.Parse(text));

        error.Position.ShouldBe(position);
        error.Message.ShouldContain(message);
        error.Message.ShouldContain($"at position {position}");
    }

    [Theory]
    [InlineData("x instance of number", 5, true)]
    [InlineData("x instance of string", 5, false)]
    [InlineData("x instance of date and time", "2026-01-01", false)]
    [InlineData("x instance of Any", 5, true)]
    public void Instance_of_checks_the_type(string text, object value, bool expected) =>
        FeelRun.Value(text, FeelRun.Vars(("x", value))).ShouldBe(expected);

    [Fact]
    public void Expressions_keep_their_text() => FeelParser.Parse("a + 1").Text.ShouldBe("a + 1");
}
