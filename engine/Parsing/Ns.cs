using System.Xml.Linq;

namespace Ctms.Engine.Parsing;

/// <summary>The XML namespaces of BPMN 2.0 models, of Camunda 8's extensions and of Camunda 7's (for <c>asyncBefore</c> only).</summary>
internal static class Ns
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
}
