namespace Ctms.Engine.Feel.Values;

/// <summary>Decimal powers, roots, logarithms and rounding; null where the result is undefined or out of range.</summary>
internal static class DecimalMath
{
    public static decimal? Power(decimal x, decimal y)
    {
        if (!Kinds.IsInteger(y))
        {
            return FromDouble(Math.Pow((double)x, (double)y));
        }

        var n = decimal.Abs(y);
        var result = 1m;
        var factor = x;
        while (n > 0)
        {
            if (decimal.Remainder(n, 2) == 1)
            {
                result *= factor;
            }

            n = decimal.Truncate(n / 2);
            if (n > 0)
            {
                factor *= factor;
            }
        }

        if (y >= 0)
        {
            return result;
        }

        return result == 0 ? null : 1 / result;
    }

    public static decimal? Sqrt(decimal x)
    {
        if (x < 0)
        {
            return null;
        }

        if (x == 0)
        {
            return 0m;
        }

        var guess = (decimal)Math.Sqrt((double)x);
        for (var i = 0; i < 6 && guess != 0; i++)
        {
            guess = (guess + (x / guess)) / 2;
        }

        return guess;
    }

    public static decimal? Log(decimal x) => x <= 0 ? null : FromDouble(Math.Log((double)x));

    public static decimal? Exp(decimal x) => FromDouble(Math.Exp((double)x));

    /// <summary>Rounds to a scale (negative scales round to tens, hundreds...) with a .NET rounding mode.</summary>
    public static decimal? Round(decimal value, int scale, MidpointRounding mode)
    {
        if (scale is < -28 or > 28)
        {
            return null;
        }

        try
        {
            if (scale >= 0)
            {
                return Math.Round(value, scale, mode);
            }

            var unit = Power(10m, -scale)!.Value;
            return Math.Round(value / unit, 0, mode) * unit;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Round half down: halves go toward zero, everything else to the nearest.</summary>
    public static decimal? RoundHalfDown(decimal value, int scale)
    {
        var toZero = Round(value, scale, MidpointRounding.ToZero);
        var awayFromZero = Round(value, scale, MidpointRounding.AwayFromZero);
        if (toZero is not { } down || awayFromZero is not { } nearest)
        {
            return null;
        }

        return decimal.Abs(value - down) == decimal.Abs(nearest - value) ? down : nearest;
    }

    public static decimal? FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > (double)decimal.MaxValue)
        {
            return null;
        }

        return (decimal)value;
    }
}
