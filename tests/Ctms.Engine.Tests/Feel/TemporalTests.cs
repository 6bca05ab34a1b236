using Ctms.Engine.Feel;

namespace Ctms.Engine.Tests.Feel;

public class TemporalTests
{
    [Theory]
    [InlineData("date(\"2012-12-25\") - date(\"2012-12-24\") = duration(\"P1D\")")]
    [InlineData("date and time(\"2012-12-24T23:59:00\") + duration(\"PT1M\") = date and time(\"2012-12-25T00:00:00\")")]
    [InlineData("years and months duration(date(\"2011-12-22\"), date(\"2013-08-24\")) = duration(\"P1Y8M\")")]
    [InlineData("years and months duration(date(\"2013-08-24\"), date(\"2011-12-22\")) = duration(\"-P1Y8M\")")]
    [InlineData("years and months duration(date(\"2011-12-22\"), date(\"2013-08-21\")) = duration(\"P1Y7M\")")]
    [InlineData("date(\"2012-12-24\") + duration(\"P1D\") = date(\"2012-12-25\")")]
    [InlineData("date(\"2012-12-25\") - duration(\"P1D\") = date(\"2012-12-24\")")]
    [InlineData("date(\"2012-01-31\") + duration(\"P1M\") = date(\"2012-02-29\")")]
    [InlineData("date(\"2012-12-24\") + duration(\"PT25H\") = date(\"2012-12-25\")")]
    [InlineData("date and time(\"2012-12-24T10:00:00Z\") - date and time(\"2012-12-24T08:30:00Z\") = duration(\"PT1H30M\")")]
    [InlineData("date and time(\"2012-12-24T10:00:00+02:00\") - date and time(\"2012-12-24T08:00:00Z\") = duration(\"PT0S\")")]
    [InlineData("date and time(\"2012-12-24T10:00:00\") + duration(\"P1Y\") = date and time(\"2013-12-24T10:00:00\")")]
    [InlineData("time(\"10:00:00\") + duration(\"PT90M\") = time(\"11:30:00\")")]
    [InlineData("time(\"23:00:00\") + duration(\"PT2H\") = time(\"01:00:00\")")]
    [InlineData("time(\"12:00:00\") - time(\"10:30:00\") = duration(\"PT1H30M\")")]
    [InlineData("duration(\"P1D\") + duration(\"PT12H\") = duration(\"PT36H\")")]
    [InlineData("duration(\"P1Y\") - duration(\"P1M\") = duration(\"P11M\")")]
    [InlineData("duration(\"P1D\") * 2 = duration(\"P2D\")")]
    [InlineData("2 * duration(\"PT1H\") = duration(\"PT2H\")")]
    [InlineData("duration(\"P1D\") / 2 = duration(\"PT12H\")")]
    [InlineData("duration(\"P1Y\") * 2 = duration(\"P2Y\")")]
    [InlineData("duration(\"P1D\") / duration(\"PT1H\") = 24")]
    [InlineData("-duration(\"P1D\") = duration(\"-P1D\")")]
    [InlineData("duration(\"P2D\") > duration(\"PT36H\")")]
    [InlineData("duration(\"P1Y\") > duration(\"P11M\")")]
    [InlineData("date(\"2012-12-24\") < date(\"2012-12-25\")")]
    [InlineData("time(\"10:00:00\") < time(\"10:00:01\")")]
    [InlineData("date and time(\"2012-12-24T10:00:00Z\") < date and time(\"2012-12-24T10:00:00-01:00\")")]
    [InlineData("date(2012, 12, 25) = date(\"2012-12-25\")")]
    [InlineData("date(date and time(\"2012-12-25T11:00:00\")) = date(\"2012-12-25\")")]
    [InlineData("time(10, 30, 15) = time(\"10:30:15\")")]
    [InlineData("time(date and time(\"2012-12-25T11:00:00\")) = time(\"11:00:00\")")]
    [InlineData("date and time(date(\"2012-12-25\"), time(\"11:00:00\")) = date and time(\"2012-12-25T11:00:00\")")]
    [InlineData("date and time(\"2012-12-25\") = date and time(\"2012-12-25T00:00:00\")")]
    [InlineData("@\"2026-01-01\" = date(\"2026-01-01\")")]
    [InlineData("@\"P3D\" = duration(\"P3D\")")]
    [InlineData("duration(\"P1W\") = duration(\"P7D\")")]
    [InlineData("duration(\"PT0.5S\") * 4 = duration(\"PT2S\")")]
    public void Temporal_arithmetic_and_comparison_hold(string expression) =>
        FeelRun.Value(expression).ShouldBe(true);

    [Theory]
    [InlineData("date(\"2012-12-25\").year", "2012")]
    [InlineData("date(\"2012-12-25\").month", "12")]
    [InlineData("date(\"2012-12-25\").day", "25")]
    [InlineData("date(\"2012-12-25\").weekday", "2")]
    [InlineData("date(\"2012-12-23\").weekday", "7")]
    [InlineData("date and time(\"2012-12-25T11:20:30\").hour", "11")]
    [InlineData("date and time(\"2012-12-25T11:20:30\").minute", "20")]
    [InlineData("date and time(\"2012-12-25T11:20:30\").second", "30")]
    [InlineData("date and time(\"2012-12-25T11:20:30+02:00\").time offset", "PT2H")]
    [InlineData("date and time(\"2012-12-25T11:20:30\").time offset", "null")]
    [InlineData("time(\"10:45:30.5\").second", "30.5")]
    [InlineData("duration(\"P2DT3H4M5S\").days", "2")]
    [InlineData("duration(\"P2DT3H4M5S\").hours", "3")]
    [InlineData("duration(\"P2DT3H4M5S\").minutes", "4")]
    [InlineData("duration(\"P2DT3H4M5S\").seconds", "5")]
    [InlineData("duration(\"P1Y2M\").years", "1")]
    [InlineData("duration(\"P1Y2M\").months", "2")]
    [InlineData("date(\"2012-12-25\").hour", "null")]
    [InlineData("[date(\"2012-12-25\"), date(\"2013-01-01\")].year", "[2012, 2013]")]
    [InlineData("day of week(date(\"2019-09-17\"))", "\"Tuesday\"")]
    [InlineData("day of week(date and time(\"2019-09-17T23:00:00\"))", "\"Tuesday\"")]
    [InlineData("day of year(date(2019, 9, 17))", "260")]
    [InlineData("month of year(date(2019, 9, 17))", "\"September\"")]
    [InlineData("week of year(date(2019, 9, 17))", "38")]
    [InlineData("week of year(date(2003, 12, 29))", "1")]
    [InlineData("week of year(date(2005, 1, 1))", "53")]
    public void Temporal_properties_and_functions_read_components(string expression, string expected) =>
        FeelRun.Text(expression).ShouldBe(expected);

    [Theory]
    [InlineData("date(\"2012-13-01\")")]
    [InlineData("date(\"2013-02-29\")")]
    [InlineData("date(\"12-12-2012\")")]
    [InlineData("date(\"2012-12-01\n\")")]
    [InlineData("date(2013, 2, 29)")]
    [InlineData("date(1)")]
    [InlineData("time(\"25:00:00\")")]
    [InlineData("time(\"10:30\")")]
    [InlineData("time(\"10:30:00+01:00\")")]
    [InlineData("date and time(\"2012-12-24T25:00:00\")")]
    [InlineData("duration(\"P\")")]
    [InlineData("duration(\"PT\")")]
    [InlineData("duration(\"1D\")")]
    [InlineData("duration(\"P1Y2D\")")]
    [InlineData("duration(\"P99999999999D\")")]
    [InlineData("date(\"2012-12-24\") + 1")]
    [InlineData("date(\"2012-12-24\") - date and time(\"2012-12-24T00:00:00\")")]
    [InlineData("date and time(\"2012-12-24T00:00:00\") - date and time(\"2012-12-24T00:00:00Z\")")]
    [InlineData("duration(\"P1D\") + duration(\"P1M\")")]
    [InlineData("date(\"9999-12-31\") + duration(\"P1D\")")]
    public void Invalid_temporal_values_and_operations_give_null(string expression) =>
        FeelRun.Value(expression).ShouldBeNull();

    [Fact]
    public void Now_reads_the_injected_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var context = new FeelContext { Clock = clock };

        FeelRun.Value("now()", context: context).ShouldBe(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        FeelRun.Value("now() + duration(\"P30D\")", context: context).ShouldBe(new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.Zero));
        FeelRun.Value("today()", context: context).ShouldBe(new DateOnly(2026, 3, 1));
    }

    [Fact]
    public void Moving_the_clock_changes_a_deadline_condition()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var context = new FeelContext { Clock = clock };
        var expression = FeelParser.Parse("now() > date and time(opened) + duration(\"P30D\")");
        var variables = new FeelVariables(FeelRun.Vars(("opened", "2026-02-01T09:00:00Z")));

        expression.Evaluate(variables, context).ShouldBe(false);
        clock.Now = clock.Now.AddDays(3);
        expression.Evaluate(variables, context).ShouldBe(true);
    }

    [Fact]
    public void Now_is_in_the_clock_time_zone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Plus2", TimeSpan.FromHours(2), "Plus2", "Plus2");
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), zone);

        var result = FeelRun.Value("now()", context: new FeelContext { Clock = clock });

        result.ShouldBe(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.FromHours(2)));
        FeelRun.Value("today()", context: new FeelContext { Clock = clock }).ShouldBe(new DateOnly(2026, 3, 2));
    }

    [Fact]
    public void Date_times_with_zone_ids_get_the_zone_offset() =>
        FeelRun.Value("date and time(\"2026-07-01T12:00:00@Europe/Paris\")")
            .ShouldBe(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.FromHours(2)));

    [Fact]
    public void Host_temporal_values_are_usable()
    {
        var vars = FeelRun.Vars(
            ("due", new DateOnly(2026, 5, 1)),
            ("at", new DateTime(2026, 5, 1, 10, 0, 0, DateTimeKind.Utc)),
            ("span", TimeSpan.FromHours(2)));

        FeelRun.Value("due + duration(\"P1D\")", vars).ShouldBe(new DateOnly(2026, 5, 2));
        FeelRun.Value("at + span", vars).ShouldBe(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
    }
}
