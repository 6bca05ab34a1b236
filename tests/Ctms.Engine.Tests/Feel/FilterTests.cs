namespace Ctms.Engine.Tests.Feel;

public class FilterTests
{
    private static readonly Dictionary<string, object?> People = FeelRun.Vars(
        ("people", new List<Dictionary<string, object?>>
        {
            new() { ["name"] = "Ann", ["age"] = 34, ["tags"] = new[] { "a", "b" } },
            new() { ["name"] = "Bob", ["age"] = 17, ["tags"] = Array.Empty<string>() },
            new() { ["name"] = "Cid", ["age"] = 52, ["tags"] = new[] { "b" } },
        }),
        ("numbers", new[] { 1, 2, 3, 4, 5 }),
        ("min age", 18));

    [Theory]
    [InlineData("numbers[item > 3]", "[4, 5]")]
    [InlineData("numbers[item > 10]", "[]")]
    [InlineData("numbers[1]", "1")]
    [InlineData("numbers[5]", "5")]
    [InlineData("numbers[-1]", "5")]
    [InlineData("numbers[-5]", "1")]
    [InlineData("numbers[6]", "null")]
    [InlineData("numbers[0]", "null")]
    [InlineData("numbers[-6]", "null")]
    [InlineData("numbers[1.5]", "null")]
    [InlineData("numbers[count(numbers) - 1]", "4")]
    [InlineData("numbers[item > 1][item < 4]", "[2, 3]")]
    [InlineData("[1, 2, 3][item >= 2]", "[2, 3]")]
    [InlineData("[][1]", "null")]
    [InlineData("[][item > 1]", "[]")]
    [InlineData("[1, null, 3][item > 1]", "[3]")]
    [InlineData("people[age > 30].name", "[\"Ann\", \"Cid\"]")]
    [InlineData("people[item.age < 18].name", "[\"Bob\"]")]
    [InlineData("people[name = \"Cid\"].age", "[52]")]
    [InlineData("people[name = \"Cid\"][1].age", "52")]
    [InlineData("people[1].name", "\"Ann\"")]
    [InlineData("people[-1].name", "\"Cid\"")]
    [InlineData("people.name", "[\"Ann\", \"Bob\", \"Cid\"]")]
    [InlineData("people[list contains(tags, \"b\")].name", "[\"Ann\", \"Cid\"]")]
    [InlineData("count(people[age >= 18])", "2")]
    [InlineData("people.missing", "[null, null, null]")]
    [InlineData("true[1]", "true")]
    [InlineData("100[1]", "100")]
    [InlineData("\"foo\"[1]", "\"foo\"")]
    [InlineData("5[item > 3]", "[5]")]
    [InlineData("null[1]", "null")]
    [InlineData("numbers[item = 2 or item = 4]", "[2, 4]")]
    [InlineData("[{a: 1}, {a: 2}, {b: 3}][a > 1]", "[{a: 2}]")]
    public void Filters_select_by_condition_or_position(string expression, string expected) =>
        FeelRun.Text(expression, People).ShouldBe(expected);

    [Fact]
    public void Filter_on_a_date_value_wraps_it_as_a_singleton() =>
        FeelRun.Value("date(\"2018-12-08\")[1] = date(\"2018-12-08\")").ShouldBe(true);

    [Fact]
    public void Filter_items_see_outer_variables() =>
        FeelRun.Value("count(numbers[item > limit])", FeelRun.Vars(("numbers", new[] { 1, 5, 9 }), ("limit", 4))).ShouldBe(2m);
}
