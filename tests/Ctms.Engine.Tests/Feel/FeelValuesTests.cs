using System.Text.Json;
using System.Text.Json.Nodes;
using Ctms.Engine.Feel;

namespace Ctms.Engine.Tests.Feel;

public class FeelValuesTests
{
    [Fact]
    public void Normalize_converts_host_numbers_to_decimal()
    {
        FeelValues.Normalize(5).ShouldBe(5m);
        FeelValues.Normalize(5L).ShouldBe(5m);
        FeelValues.Normalize(0.25).ShouldBe(0.25m);
        FeelValues.Normalize(1.5f).ShouldBe(1.5m);
        FeelValues.Normalize(double.NaN).ShouldBeNull();
    }

    [Fact]
    public void Normalize_converts_collections_to_lists_and_contexts()
    {
        var value = FeelValues.Normalize(new Dictionary<string, int[]> { ["a"] = [1, 2] });

        var context = value.ShouldBeAssignableTo<IReadOnlyDictionary<string, object?>>()!;
        context["a"].ShouldBe(new List<object?> { 1m, 2m });
    }

    [Fact]
    public void Normalize_converts_json_elements_and_nodes()
    {
        using var document = JsonDocument.Parse("""{"n": 1.5, "s": "x", "b": true, "l": [1, null], "o": {"k": 2}}""");

        FeelValues.ToFeelString(FeelValues.Normalize(document.RootElement)).ShouldBe("{n: 1.5, s: \"x\", b: true, l: [1, null], o: {k: 2}}");
        FeelValues.ToFeelString(FeelValues.Normalize(JsonNode.Parse("[1, \"a\"]"))).ShouldBe("[1, \"a\"]");
    }

    [Fact]
    public void Normalize_rejects_values_without_a_FEEL_equivalent() =>
        Should.Throw<ArgumentException>(() => FeelValues.Normalize(new object()));

    [Fact]
    public void Normalize_rejects_cycles_by_depth()
    {
        var list = new List<object?>();
        list.Add(list);

        Should.Throw<ArgumentException>(() => FeelValues.Normalize(list));
    }

    [Fact]
    public void Json_round_trip_keeps_numbers_strings_lists_and_contexts()
    {
        var json = """{"amount":1000.5,"status":"open","votes":["approve","disapprove"],"meta":{"n":null,"ok":true}}""";

        var value = FeelValues.FromJsonNode(JsonNode.Parse(json));
        var back = FeelValues.ToJsonNode(value)!.ToJsonString();

        back.ShouldBe(json);
    }

    [Fact]
    public void Temporals_become_ISO_strings_in_JSON()
    {
        var value = FeelRun.Value("{d: date(\"2026-01-01\"), t: time(\"10:30:00\"), dt: @\"2026-01-01T10:00:00Z\", "
            + "l: @\"2026-01-01T10:00:00\", p: duration(\"P3D\"), ym: duration(\"P1Y2M\"), n: 2.50}");

        FeelValues.ToJsonNode(value)!.ToJsonString().ShouldBe(
            """{"d":"2026-01-01","t":"10:30:00","dt":"2026-01-01T10:00:00Z","l":"2026-01-01T10:00:00","p":"P3D","ym":"P1Y2M","n":2.5}""");
    }

    [Fact]
    public void Json_strings_stay_strings() =>
        FeelValues.FromJsonNode(JsonValue.Create("2026-01-01")).ShouldBe("2026-01-01");

    [Fact]
    public void Json_values_built_from_clr_values_are_read() =>
        FeelValues.FromJsonNode(new JsonObject { ["n"] = 3, ["s"] = "x" })
            .ShouldBeAssignableTo<IReadOnlyDictionary<string, object?>>()!["n"].ShouldBe(3m);

    [Fact]
    public void Json_variables_evaluate_like_native_ones()
    {
        var node = JsonNode.Parse("""{"votes": ["approve", "approve", "disapprove"]}""");

        FeelRun.Value("count(data.votes[item = \"approve\"])", FeelRun.Vars(("data", node))).ShouldBe(2m);
    }

    [Theory]
    [InlineData(14, "P1Y2M")]
    [InlineData(12, "P1Y")]
    [InlineData(3, "P3M")]
    [InlineData(0, "P0M")]
    [InlineData(-15, "-P1Y3M")]
    public void Years_and_months_print_as_ISO_8601(int months, string expected) =>
        new FeelYearsMonths(months).ToString().ShouldBe(expected);

    [Fact]
    public void ToIso_formats_temporals_only()
    {
        FeelValues.ToIso(new DateOnly(2026, 1, 2)).ShouldBe("2026-01-02");
        FeelValues.ToIso(TimeSpan.FromMinutes(90)).ShouldBe("PT1H30M");
        FeelValues.ToIso(5).ShouldBeNull();
    }
}
