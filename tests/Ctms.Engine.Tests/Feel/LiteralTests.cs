using Ctms.Engine.Feel;

namespace Ctms.Engine.Tests.Feel;

public class LiteralTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("-2.5", "-2.5")]
    [InlineData(".5", "0.5")]
    [InlineData("1.50", "1.5")]
    [InlineData("0", "0")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("\"abc\"", "\"abc\"")]
    [InlineData("[1, 2, 3]", "[1, 2, 3]")]
    [InlineData("[]", "[]")]
    [InlineData("[1, \"a\", null, [true]]", "[1, \"a\", null, [true]]")]
    [InlineData("{a: 1, \"b c\": 2, d: {e: 3}}", "{a: 1, b c: 2, d: {e: 3}}")]
    [InlineData("{}", "{}")]
    [InlineData("1 /* inline */ + // trailing\n 2", "3")]
    public void Literals_evaluate_to_their_values(string expression, string expected) =>
        FeelRun.Text(expression).ShouldBe(expected);

    [Theory]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("\"line\\nbreak\"", "line\nbreak")]
    [InlineData("\"tab\\there\"", "tab\there")]
    [InlineData("\"\\u0041\"", "A")]
    [InlineData("\"\\U01F600\"", "\U0001F600")]
    [InlineData("\"back\\\\slash\"", "back\\slash")]
    [InlineData("\"\\d+\"", "\\d+")]
    public void String_escapes_are_decoded(string expression, string expected) =>
        FeelRun.Value(expression).ShouldBe(expected);

    [Fact]
    public void Numbers_are_decimals() => FeelRun.Value("0.1 + 0.2").ShouldBe(0.3m);

    [Fact]
    public void Temporal_literals_build_dates_times_and_durations()
    {
        FeelRun.Value("@\"2026-01-01\"").ShouldBe(new DateOnly(2026, 1, 1));
        FeelRun.Value("@\"10:30:00\"").ShouldBe(new TimeOnly(10, 30));
        FeelRun.Value("@\"P3D\"").ShouldBe(TimeSpan.FromDays(3));
        FeelRun.Value("@\"P1Y2M\"").ShouldBe(new FeelYearsMonths(14));
        FeelRun.Value("@\"2026-01-01T10:00:00Z\"").ShouldBe(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero));
        FeelRun.Value("@\"2026-01-01T10:00:00\"").ShouldBe(new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Unspecified));
    }

    [Fact]
    public void Context_entries_see_earlier_entries() =>
        FeelRun.Text("{a: 1, b: a + 1}").ShouldBe("{a: 1, b: 2}");

    [Fact]
    public void Contexts_keep_insertion_order() =>
        ((IReadOnlyDictionary<string, object?>)FeelRun.Value("{z: 1, a: 2, m: 3}")!).Keys.ShouldBe(["z", "a", "m"]);

    [Fact]
    public void Lists_are_produced_as_lists_of_objects() =>
        FeelRun.Value("[1, 2]").ShouldBeOfType<List<object?>>();

    [Fact]
    public void Backtick_names_may_hold_any_characters() =>
        FeelRun.Value("`order-total` * 2", FeelRun.Vars(("order-total", 21))).ShouldBe(42m);
}
