using System.Globalization;

namespace Ctms.Engine.Feel;

/// <summary>A FEEL years-and-months duration, held as a signed number of months.</summary>
/// <param name="TotalMonths">The whole duration in months; negative for a negative duration.</param>
public readonly record struct FeelYearsMonths(int TotalMonths)
{
    /// <summary>The years component (sign included), e.g. 1 for P1Y2M.</summary>
    public int Years => TotalMonths / 12;

    /// <summary>The months component (sign included), e.g. 2 for P1Y2M.</summary>
    public int Months => TotalMonths % 12;

    /// <summary>Builds a duration from years and months, e.g. (1, 2) for P1Y2M.</summary>
    public static FeelYearsMonths From(int years, int months) => new(checked((years * 12) + months));

    /// <summary>The ISO 8601 form, e.g. P1Y2M, -P3M or P0M.</summary>
    public override string ToString()
    {
        if (TotalMonths == 0)
        {
            return "P0M";
        }

        var months = Math.Abs((long)TotalMonths);
        var text = TotalMonths < 0 ? "-P" : "P";
        if (months >= 12)
        {
            text += (months / 12).ToString(CultureInfo.InvariantCulture) + "Y";
        }

        if (months % 12 != 0)
        {
            text += (months % 12).ToString(CultureInfo.InvariantCulture) + "M";
        }

        return text;
    }
}
