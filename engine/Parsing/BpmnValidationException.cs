namespace Ctms.Engine.Parsing;

/// <summary>A definition refused at deploy, with every problem found (not just the first).</summary>
public sealed class BpmnValidationException(IReadOnlyList<BpmnProblem> problems)
    : Exception($"The BPMN definition is not valid: {problems.Count} problem(s). " + string.Join(" ", problems.Take(5).Select(p => p.ToString())))
{
    public IReadOnlyList<BpmnProblem> Problems { get; } = problems;
}
