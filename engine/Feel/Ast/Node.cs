using System.Runtime.CompilerServices;

namespace Ctms.Engine.Feel.Ast;

/// <summary>A node of a parsed FEEL expression. Every evaluation counts one step against the budget.</summary>
internal abstract class Node(int position)
{
    private int height;

    /// <summary>The 0-based offset of the node in the expression text.</summary>
    public int Position { get; } = position;

    /// <summary>
    /// The length of the longest path to a leaf; the parser checks it as it builds bottom-up,
    /// so evaluation cannot exhaust the stack.
    /// </summary>
    public int Height
    {
        get
        {
            if (height == 0)
            {
                var max = 0;
                foreach (var child in Children)
                {
                    max = Math.Max(max, child?.Height ?? 0);
                }

                height = max + 1;
            }

            return height;
        }
    }

    protected virtual IEnumerable<Node?> Children => [];

    public object? Evaluate(Scope scope, EvalState state)
    {
        state.Step();
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return Eval(scope, state);
    }

    /// <summary>Zeebe's is defined(): true when the value exists, even when it is null.</summary>
    public virtual bool IsDefined(Scope scope, EvalState state)
    {
        Evaluate(scope, state);
        return true;
    }

    protected abstract object? Eval(Scope scope, EvalState state);
}
