using Ctms.Engine.Feel;
using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Runtime.Execution;

/// <summary>The variables visible from an element instance: its own, then each enclosing scope's, up to the process.</summary>
internal sealed class ScopeVariables(ProcessInstanceState instance, ElementInstanceState? start, IReadOnlyDictionary<string, object?>? extra = null)
    : IFeelVariables
{
    public bool TryGet(string name, out object? value)
    {
        if (extra is not null && extra.TryGetValue(name, out value))
        {
            return true;
        }
        for (var scope = start; scope is not null; scope = scope.ScopeId is { } id ? instance.Elements.GetValueOrDefault(id) : null)
        {
            if (scope.Variables.TryGetValue(name, out value))
            {
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <summary>All visible variables, inner scopes shadowing outer ones.</summary>
    public Dictionary<string, object?> Flatten()
    {
        var chain = new List<ElementInstanceState>();
        for (var scope = start; scope is not null; scope = scope.ScopeId is { } id ? instance.Elements.GetValueOrDefault(id) : null)
        {
            chain.Add(scope);
        }
        var all = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (key, value) in chain[i].Variables)
            {
                all[key] = value;
            }
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            all[key] = value;
        }
        return all;
    }
}
