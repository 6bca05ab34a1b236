namespace Ctms.Engine.Feel;

/// <summary>A FEEL expression could not be parsed: the message names the position and what was expected.</summary>
public sealed class FeelSyntaxException : Exception
{
    public FeelSyntaxException()
    {
    }

    public FeelSyntaxException(string message)
        : base(message)
    {
    }

    public FeelSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at a 0-based character offset of the expression text.</summary>
    public FeelSyntaxException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>The 0-based character offset in the expression text where the problem was found.</summary>
    public int Position { get; }
}
