namespace Ctms.Engine.Feel;

/// <summary>
/// Evaluation was stopped: the expression exceeded its work budget (steps, list or string size)
/// or the host failed to supply a variable. Type errors never throw; they evaluate to null.
/// </summary>
public sealed class FeelEvaluationException : Exception
{
    public FeelEvaluationException()
    {
    }

    public FeelEvaluationException(string message)
        : base(message)
    {
    }

    public FeelEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
