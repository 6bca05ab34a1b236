namespace Ctms.Engine.Feel.Values;

/// <summary>Caps on what one evaluation may build, so hostile input cannot exhaust the host.</summary>
internal static class ValueLimits
{
    public const int MaxListSize = 1_000_000;
    public const int MaxStringLength = 1_000_000;
    public const int MaxNesting = 200;
    public const int MaxTreeHeight = 1000;
    public const int MaxTextLength = 1_000_000;
    public const int MaxHostNesting = 64;

    /// <summary>Characters of string work that count as one evaluation step.</summary>
    public const int CharsPerStep = 256;

    public static string CheckString(string value)
    {
        CheckStringLength(value.Length);
        return value;
    }

    public static void CheckStringLength(long length)
    {
        if (length > MaxStringLength)
        {
            throw new FeelEvaluationException($"A string of {length} characters exceeds the limit of {MaxStringLength}.");
        }
    }

    public static void CheckListSize(long count)
    {
        if (count > MaxListSize)
        {
            throw new FeelEvaluationException($"A list of {count} items exceeds the limit of {MaxListSize}.");
        }
    }
}
