using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Functions;

/// <summary>Helpers to read built-in function arguments.</summary>
internal static class Args
{
    public static object? At(IReadOnlyList<object?> args, int index) => index < args.Count ? args[index] : null;

    /// <summary>Either one list argument, or the arguments themselves as a list (max(1, 2) and max([1, 2])).</summary>
    public static IReadOnlyList<object?>? ListOrVarargs(IReadOnlyList<object?> args) =>
        args.Count == 1 ? Kinds.AsList(args[0]) : args;

    /// <summary>All items as numbers, or null when any item is not a number.</summary>
    public static List<decimal>? Numbers(IReadOnlyList<object?>? items)
    {
        if (items is null)
        {
            return null;
        }

        var numbers = new List<decimal>(items.Count);
        foreach (var item in items)
        {
            if (item is not decimal d)
            {
                return null;
            }

            numbers.Add(d);
        }

        return numbers;
    }
}
