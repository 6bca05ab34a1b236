using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Ctms.Studio.Components.Pages.Processes;

/// <summary>The diagram a new definition starts from: an executable process with a start event, drawn (BPMN DI) so that the modeler shows it.</summary>
public static partial class NewDefinition
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";
    private static readonly XNamespace Modeler = "http://camunda.org/schema/modeler/1.0";

    /// <summary>A process id is an XML name (the engine and bpmn-js both need one): a letter or '_' first, then letters, digits, '_', '-', '.'; at most 200.</summary>
    public static bool IsValidProcessId(string? id) => id is { Length: > 0 and <= 200 } && ProcessId().IsMatch(id);

    public static string Xml(string processId, string? name)
    {
        var start = "StartEvent_1";
        var process = new XElement(Bpmn + "process", new XAttribute("id", processId), new XAttribute("isExecutable", "true"),
            new XElement(Bpmn + "startEvent", new XAttribute("id", start)));
        if (!string.IsNullOrWhiteSpace(name))
        {
            process.SetAttributeValue("name", name.Trim());
        }
        var definitions = new XElement(Bpmn + "definitions",
            new XAttribute(XNamespace.Xmlns + "bpmn", Bpmn), new XAttribute(XNamespace.Xmlns + "bpmndi", BpmnDi),
            new XAttribute(XNamespace.Xmlns + "dc", Dc), new XAttribute(XNamespace.Xmlns + "zeebe", Zeebe),
            new XAttribute(XNamespace.Xmlns + "modeler", Modeler),
            new XAttribute("id", "Definitions_" + processId), new XAttribute("targetNamespace", "http://bpmn.io/schema/bpmn"),
            new XAttribute(Modeler + "executionPlatform", "Camunda Cloud"), new XAttribute(Modeler + "executionPlatformVersion", "8.6.0"),
            process,
            new XElement(BpmnDi + "BPMNDiagram", new XAttribute("id", "BPMNDiagram_1"),
                new XElement(BpmnDi + "BPMNPlane", new XAttribute("id", "BPMNPlane_1"), new XAttribute("bpmnElement", processId),
                    new XElement(BpmnDi + "BPMNShape", new XAttribute("id", start + "_di"), new XAttribute("bpmnElement", start),
                        new XElement(Dc + "Bounds", new XAttribute("x", 182), new XAttribute("y", 102), new XAttribute("width", 36), new XAttribute("height", 36))))));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), definitions).Declaration + "\n" + definitions;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex ProcessId();
}
