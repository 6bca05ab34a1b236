namespace Ctms.Engine.Tests.Feel;

public class ContextTests
{
    private static readonly Dictionary<string, object?> Vars = FeelRun.Vars(
        ("order", new Dictionary<string, object?>
        {
            ["id"] = "A-1",
            ["customer"] = new Dictionary<string, object?> { ["name"] = "Ann", ["vip"] = true },
            ["lines"] = new[]
            {
                new Dictionary<string, object?> { ["sku"] = "x", ["qty"] = 2, ["price"] = 10.5 },
                new Dictionary<string, object?> { ["sku"] = "y", ["qty"] = 1, ["price"] = 4 },
            },
            ["note"] = null,
        }),
        ("empty", null));

    [Theory]
    [InlineData("order.id", "\"A-1\"")]
    [InlineData("order.customer.name", "\"Ann\"")]
    [InlineData("order.customer.missing", "null")]
    [InlineData("order.missing.deeper", "null")]
    [InlineData("order.lines.sku", "[\"x\", \"y\"]")]
    [InlineData("sum(for l in order.lines return l.qty * l.price)", "25")]
    [InlineData("{a: {b: {c: 5}}}.a.b.c", "5")]
    [InlineData("get value({a: 1}, \"a\")", "1")]
    [InlineData("get value({a: 1}, \"b\")", "null")]
    [InlineData("get value(m: {a: 1}, key: \"a\")", "1")]
    [InlineData("get entries({a: 1, b: 2})", "[{key: \"a\", value: 1}, {key: \"b\", value: 2}]")]
    [InlineData("context put({a: 1}, \"b\", 2)", "{a: 1, b: 2}")]
    [InlineData("context put({a: 1, b: 2}, \"a\", 3)", "{a: 3, b: 2}")]
    [InlineData("context merge([{a: 1}, {b: 2}, {a: 3}])", "{a: 3, b: 2}")]
    [InlineData("context([{key: \"a\", value: 1}])", "{a: 1}")]
    [InlineData("empty.x", "null")]
    public void Paths_and_context_functions_read_contexts(string expression, string expected) =>
        FeelRun.Text(expression, Vars).ShouldBe(expected);

    [Theory]
    [InlineData("is defined(order)", true)]
    [InlineData("is defined(empty)", true)]
    [InlineData("is defined(nothing)", false)]
    [InlineData("is defined(order.note)", true)]
    [InlineData("is defined(order.customer.name)", true)]
    [InlineData("is defined(order.customer.age)", false)]
    [InlineData("is defined(nothing.at.all)", false)]
    [InlineData("is defined(1)", true)]
    [InlineData("is defined(null)", true)]
    [InlineData("not(is defined(order.discount))", true)]
    public void Is_defined_tells_missing_from_null(string expression, bool expected) =>
        FeelRun.Value(expression, Vars).ShouldBe(expected);

    [Fact]
    public void Unknown_variables_are_null() => FeelRun.Value("nothing").ShouldBeNull();

    [Fact]
    public void Null_variables_are_null() => FeelRun.Value("empty", Vars).ShouldBeNull();
}
