using System.Globalization;
using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Functions;

/// <summary>Number functions: rounding, abs, modulo, sqrt, log, exp, odd, even and number().</summary>
internal static class NumberFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("decimal", ["n", "scale"], (a, _) => Round(a[0], a[1], MidpointRounding.ToEven));
        r.Add("floor", ["n", "scale"], (a, _) => Round(a[0], Args.At(a, 1) ?? 0m, MidpointRounding.ToNegativeInfinity), required: 1);
        r.Add("ceiling", ["n", "scale"], (a, _) => Round(a[0], Args.At(a, 1) ?? 0m, MidpointRounding.ToPositiveInfinity), required: 1);
        r.Add("round up", ["n", "scale"], (a, _) => RoundUp(a[0], a[1]));
        r.Add("round down", ["n", "scale"], (a, _) => Round(a[0], a[1], MidpointRounding.ToZero));
        r.Add("round half up", ["n", "scale"], (a, _) => Round(a[0], a[1], MidpointRounding.AwayFromZero));
        r.Add("round half down", ["n", "scale"], (a, _) => a[0] is decimal n && Kinds.TryInt(a[1], out var scale) ? DecimalMath.RoundHalfDown(n, scale) : null);
        r.Add("abs", ["n"], (a, _) => a[0] switch
        {
            decimal n => decimal.Abs(n),
            TimeSpan t when t != TimeSpan.MinValue => t.Duration(),
            FeelYearsMonths ym when ym.TotalMonths != int.MinValue => new FeelYearsMonths(Math.Abs(ym.TotalMonths)),
            _ => null,
        });
        r.Add("modulo", ["dividend", "divisor"], (a, _) => a[0] is decimal x && a[1] is decimal y ? Modulo(x, y) : null);
        r.Add("sqrt", ["number"], (a, _) => a[0] is decimal n ? DecimalMath.Sqrt(n) : null);
        r.Add("log", ["number"], (a, _) => a[0] is decimal n ? DecimalMath.Log(n) : null);
        r.Add("exp", ["number"], (a, _) => a[0] is decimal n ? DecimalMath.Exp(n) : null);
        r.Add("odd", ["number"], (a, _) => a[0] is decimal n && Kinds.IsInteger(n) ? decimal.Remainder(n, 2) != 0 : null);
        r.Add("even", ["number"], (a, _) => a[0] is decimal n && Kinds.IsInteger(n) ? decimal.Remainder(n, 2) == 0 : null);
        r.Add("number", ["from", "grouping separator", "decimal separator"], (a, _) => Number(a[0], Args.At(a, 1), Args.At(a, 2)), required: 1);
    }

    private static decimal? Round(object? value, object? scale, MidpointRounding mode) =>
        value is decimal n && Kinds.TryInt(scale, out var s) ? DecimalMath.Round(n, s, mode) : null;

    /// <summary>Round up means away from zero, whatever the digits.</summary>
    private static decimal? RoundUp(object? value, object? scale) =>
        value is decimal n && Round(decimal.Abs(n), scale, MidpointRounding.ToPositiveInfinity) is { } up
            ? (n < 0 ? -up : up)
            : null;

    /// <summary>The remainder with the sign of the divisor: modulo(-12, 5) = 3.</summary>
    private static decimal? Modulo(decimal dividend, decimal divisor)
    {
        if (divisor == 0)
        {
            return null;
        }

        var remainder = decimal.Remainder(dividend, divisor);
        return remainder != 0 && (remainder < 0) != (divisor < 0) ? remainder + divisor : remainder;
    }

    private static decimal? Number(object? from, object? grouping, object? separator)
    {
        if (from is not string text || grouping is not (null or " " or "," or ".") || separator is not (null or "." or ","))
        {
            return null;
        }

        if (grouping is not null && Equals(grouping, separator))
        {
            return null;
        }

        if (grouping is string g)
        {
            text = text.Replace(g, string.Empty, StringComparison.Ordinal);
        }

        if (separator is ",")
        {
            text = text.Replace(",", ".", StringComparison.Ordinal);
        }

        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
