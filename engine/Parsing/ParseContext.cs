using System.Xml;
using System.Xml.Linq;
using Ctms.Engine.Feel;
using Ctms.Engine.Model;

namespace Ctms.Engine.Parsing;

/// <summary>What the element parsers share while one file is parsed: the problems found so far and the file's lookups.</summary>
internal sealed class ParseContext(IActivityCatalog? activities)
{
    private readonly List<BpmnProblem> _problems = [];

    public IReadOnlyList<BpmnProblem> Problems => _problems;

    public IActivityCatalog? Activities { get; } = activities;

    /// <summary>bpmn:message by id: name and correlation key.</summary>
    public Dictionary<string, (string? Name, string? CorrelationKey)> Messages { get; } = new(StringComparer.Ordinal);

    /// <summary>bpmn:signal by id: name.</summary>
    public Dictionary<string, string?> Signals { get; } = new(StringComparer.Ordinal);

    /// <summary>bpmn:error by id: error code.</summary>
    public Dictionary<string, string?> Errors { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

    public static int Line(XObject x) => x is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    public static SourceLocation Location(XElement e) => new((string?)e.Attribute("id"), e.Name.LocalName, Line(e));

    public void Problem(string code, XElement element, string message) => _problems.Add(new BpmnProblem(code, Location(element), message));

    public void Problem(string code, SourceLocation location, string message) => _problems.Add(new BpmnProblem(code, location, message));

    /// <summary>Parses a Zeebe attribute value ('=' means FEEL); a broken expression is a problem, and null comes back.</summary>
    public EngineExpression? Expression(XElement owner, string? raw, string what, bool alwaysFeel = false)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        try
        {
            return alwaysFeel ? EngineExpression.ParseFeel(raw) : EngineExpression.Parse(raw);
        }
        catch (FeelSyntaxException e)
        {
            Problem(ProblemCodes.InvalidExpression, owner, $"The {what} '{raw.Trim()}' is not valid FEEL: {e.Message}");
            return null;
        }
    }
}
