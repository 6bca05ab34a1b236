using System.Xml;
using System.Xml.Linq;
using Ctms.Engine.Model;

namespace Ctms.Engine.Parsing;

/// <summary>
/// Turns BPMN 2.0 XML (as bpmn-js and Camunda Modeler write it, with <c>zeebe:</c> extensions) into the immutable
/// model, or refuses it with every problem found. Hostile XML is refused: no DTDs, no entities, size and depth caps.
/// </summary>
public static class BpmnParser
{
    /// <summary>The largest definition accepted, in characters (a drawn SOP is well under 1 MB).</summary>
    public const int MaxCharacters = 5_000_000;

    /// <summary>The deepest element nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses and validates; throws <see cref="BpmnValidationException"/> listing every problem.</summary>
    /// <param name="xml">The file's content.</param>
    /// <param name="activities">The registered activities, or null (simulation) to accept any service-task type.</param>
    public static BpmnDefinitions Parse(string xml, IActivityCatalog? activities = null)
    {
        var context = new ParseContext(activities);
        var root = Load(xml, context);
        if (root is null)
        {
            throw new BpmnValidationException(context.Problems);
        }
        ReadMessagesSignalsAndErrors(root, context);
        var processes = new List<ProcessModel>();
        foreach (var element in root.Elements(Ns.Bpmn + "process"))
        {
            var id = ((string?)element.Attribute("id"))?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                context.Problem(ProblemCodes.MissingId, element, "The process has no id.");
                continue;
            }
            context.Ids.Add(id);
            var process = new ProcessModel(id, (string?)element.Attribute("name"),
                string.Equals((string?)element.Attribute("isExecutable"), "true", StringComparison.OrdinalIgnoreCase), ParseContext.Line(element));
            ContainerParser.Parse(element, process, process, context);
            processes.Add(process);
        }
        if (!processes.Any(p => p.IsExecutable))
        {
            context.Problem(ProblemCodes.NoExecutableProcess, ParseContext.Location(root), "The file has no process with isExecutable=\"true\".");
        }
        return context.Problems.Count > 0 ? throw new BpmnValidationException(context.Problems) : new BpmnDefinitions(processes);
    }

    private static XElement? Load(string xml, ParseContext context)
    {
        var location = new SourceLocation(null, "definitions", 0);
        if (xml.Length > MaxCharacters)
        {
            context.Problem(ProblemCodes.TooLarge, location, $"The file has {xml.Length:N0} characters; at most {MaxCharacters:N0} are accepted.");
            return null;
        }
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = MaxCharacters,
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var unsafeXml = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("entity", StringComparison.OrdinalIgnoreCase);
            context.Problem(unsafeXml ? ProblemCodes.UnsafeXml : ProblemCodes.NotBpmn, location with { Line = e.LineNumber },
                unsafeXml ? "DTDs and entities are refused in BPMN files." : $"The file is not well-formed XML: {e.Message}");
            return null;
        }
        var root = document.Root!;
        if (root.Name != Ns.Bpmn + "definitions")
        {
            context.Problem(ProblemCodes.NotBpmn, ParseContext.Location(root), "The root element must be bpmn:definitions (BPMN 2.0 model namespace).");
            return null;
        }
        var tooDeep = root.Descendants().FirstOrDefault(e => e.Ancestors().Count() >= MaxDepth);
        if (tooDeep is not null)
        {
            context.Problem(ProblemCodes.TooLarge, ParseContext.Location(tooDeep), $"Elements are nested more than {MaxDepth} deep.");
            return null;
        }
        return root;
    }

    private static void ReadMessagesSignalsAndErrors(XElement root, ParseContext context)
    {
        foreach (var message in root.Elements(Ns.Bpmn + "message"))
        {
            if ((string?)message.Attribute("id") is { } id)
            {
                context.Messages[id] = ((string?)message.Attribute("name"),
                    (string?)message.Element(Ns.Bpmn + "extensionElements")?.Element(Ns.Zeebe + "subscription")?.Attribute("correlationKey"));
            }
        }
        foreach (var signal in root.Elements(Ns.Bpmn + "signal"))
        {
            if ((string?)signal.Attribute("id") is { } id)
            {
                context.Signals[id] = (string?)signal.Attribute("name");
            }
        }
        foreach (var error in root.Elements(Ns.Bpmn + "error"))
        {
            if ((string?)error.Attribute("id") is { } id)
            {
                context.Errors[id] = (string?)error.Attribute("errorCode");
            }
        }
    }
}
