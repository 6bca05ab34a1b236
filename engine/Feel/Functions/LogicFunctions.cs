namespace Ctms.Engine.Feel.Functions;

/// <summary>not, is defined, all and any.</summary>
internal static class LogicFunctions
{
    /// <summary>The name of Zeebe's is defined(), which the call node evaluates on the argument's syntax.</summary>
    public const string IsDefined = "is defined";

    public static void Register(FunctionRegistry r)
    {
        r.Add("not", ["negand"], (a, _) => a[0] is bool b ? !b : null);
        r.Add(IsDefined, ["value"], (_, _) => true);
        r.Add("all", ["list"], (a, s) => Fold(Args.ListOrVarargs(a), decisive: false, s), varArgs: true);
        r.Add("any", ["list"], (a, s) => Fold(Args.ListOrVarargs(a), decisive: true, s), varArgs: true);
    }

    /// <summary>all (decisive false) or any (decisive true): the decisive value wins, then null for non-booleans.</summary>
    private static bool? Fold(IReadOnlyList<object?>? items, bool decisive, Ast.EvalState state)
    {
        if (items is null)
        {
            return null;
        }

        state.Step(items.Count);
        var unknown = false;
        foreach (var item in items)
        {
            if (item is bool b && b == decisive)
            {
                return decisive;
            }

            unknown |= item is not bool;
        }

        return unknown ? null : !decisive;
    }
}
