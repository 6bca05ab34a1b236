using Ctms.Engine.Model;

namespace Ctms.Engine.Parsing;

/// <summary>One reason a definition cannot be deployed, with the element it concerns.</summary>
public sealed record BpmnProblem(string Code, SourceLocation Location, string Message)
{
    public override string ToString() => $"{Code} {Location}: {Message}";
}
