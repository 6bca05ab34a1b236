namespace Ctms.Engine.Model;

/// <summary>Starts another process (its latest version) and waits for it to end.</summary>
public sealed class CallActivityNode : ActivityNode
{
    internal CallActivityNode(string id, string? name, int line, EngineExpression processId, bool propagateAllChildVariables, bool propagateAllParentVariables)
        : base(id, name, ElementKind.CallActivity, line)
    {
        ProcessId = processId;
        PropagateAllChildVariables = propagateAllChildVariables;
        PropagateAllParentVariables = propagateAllParentVariables;
    }

    /// <summary>The called process's id (<c>zeebe:calledElement processId</c>), static or FEEL.</summary>
    public EngineExpression ProcessId { get; }

    /// <summary>Copy all the child's variables back on completion (default true; false means outputs only).</summary>
    public bool PropagateAllChildVariables { get; }

    /// <summary>Give the child all the caller's variables (default true; false means inputs only).</summary>
    public bool PropagateAllParentVariables { get; }
}
