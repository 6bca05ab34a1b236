using System.Text.RegularExpressions;
using Ctms.Engine.Feel.Ast;

namespace Ctms.Engine.Feel;

/// <summary>A parsed FEEL expression: immutable, safe to evaluate concurrently and many times.</summary>
public sealed class FeelExpression
{
    private readonly Node root;

    internal FeelExpression(string text, Node root)
    {
        Text = text;
        this.root = root;
    }

    /// <summary>The expression text as parsed.</summary>
    public string Text { get; }

    /// <summary>
    /// Evaluates the expression against a read-only view of variables and returns a FEEL value
    /// (null, bool, decimal, string, DateOnly, TimeOnly, DateTime, DateTimeOffset, TimeSpan,
    /// <see cref="FeelYearsMonths"/>, a list or a context). Type errors and unknown names give null.
    /// </summary>
    /// <exception cref="FeelEvaluationException">The work budget was exceeded or the host failed to supply a variable.</exception>
    public object? Evaluate(IFeelVariables variables, FeelContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var state = new EvalState(variables, context ?? FeelContext.Default);
        try
        {
            return root.Evaluate(Scope.Root(state), state);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new FeelEvaluationException("A regular expression took too long to match.", e);
        }
        catch (InsufficientExecutionStackException e)
        {
            throw new FeelEvaluationException("The expression is nested too deeply to evaluate.", e);
        }
    }

    /// <summary>The expression text.</summary>
    public override string ToString() => Text;
}
