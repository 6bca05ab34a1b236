using System.Globalization;
using System.Xml.Linq;
using Ctms.Engine.Model;

namespace Ctms.Engine.Parsing;

/// <summary>Reads the <c>zeebe:</c> extension elements shared by several element kinds.</summary>
internal static class ZeebeExtensions
{
    public static XElement? Extension(this XElement element, string localName) =>
        element.Element(Ns.Bpmn + "extensionElements")?.Element(Ns.Zeebe + localName);

    public static IReadOnlyList<VariableMapping> Mappings(XElement element, string kind, ParseContext context)
    {
        var io = element.Extension("ioMapping");
        if (io is null)
        {
            return [];
        }
        var mappings = new List<VariableMapping>();
        foreach (var m in io.Elements(Ns.Zeebe + kind))
        {
            var target = (string?)m.Attribute("target");
            var source = context.Expression(element, (string?)m.Attribute("source"), $"{kind} mapping source", alwaysFeel: true);
            if (string.IsNullOrWhiteSpace(target))
            {
                context.Problem(ProblemCodes.InvalidExpression, element, $"A zeebe:{kind} mapping has no target.");
            }
            else if (source is not null)
            {
                mappings.Add(new VariableMapping(source, target.Trim()));
            }
        }
        return mappings;
    }

    public static IReadOnlyDictionary<string, string> Headers(XElement element) =>
        element.Extension("taskHeaders")?.Elements(Ns.Zeebe + "header")
            .Where(h => h.Attribute("key") is not null)
            .GroupBy(h => (string)h.Attribute("key")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (string?)g.Last().Attribute("value") ?? "", StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    public static int Retries(XElement element, XElement definition, ParseContext context)
    {
        var raw = (string?)definition.Attribute("retries");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return 3;
        }
        if (int.TryParse(raw.Trim().TrimStart('='), NumberStyles.None, CultureInfo.InvariantCulture, out var retries) && retries is >= 0 and <= 100)
        {
            return retries;
        }
        context.Problem(ProblemCodes.InvalidExpression, element, $"retries '{raw}' must be a whole number from 0 to 100.");
        return 3;
    }

    public static UserTaskSpec UserTask(XElement element, ParseContext context)
    {
        var assignment = element.Extension("assignmentDefinition");
        var schedule = element.Extension("taskSchedule");
        var priority = element.Extension("priorityDefinition");
        var form = element.Extension("formDefinition");
        return new UserTaskSpec(
            context.Expression(element, (string?)assignment?.Attribute("assignee"), "assignee"),
            context.Expression(element, (string?)assignment?.Attribute("candidateGroups"), "candidate groups"),
            context.Expression(element, (string?)assignment?.Attribute("candidateUsers"), "candidate users"),
            context.Expression(element, (string?)schedule?.Attribute("dueDate"), "due date"),
            context.Expression(element, (string?)schedule?.Attribute("followUpDate"), "follow-up date"),
            context.Expression(element, (string?)priority?.Attribute("priority"), "priority"),
            (string?)form?.Attribute("formId") ?? (string?)form?.Attribute("formKey"))
        {
            Headers = Headers(element),
        };
    }

    public static MultiInstanceSpec? MultiInstance(XElement element, ParseContext context)
    {
        var marker = element.Element(Ns.Bpmn + "multiInstanceLoopCharacteristics");
        if (marker is null)
        {
            if (element.Element(Ns.Bpmn + "standardLoopCharacteristics") is not null)
            {
                context.Problem(ProblemCodes.Unsupported, element, "Standard loops are not supported; use a multi-instance marker or a loop of sequence flows.");
            }
            return null;
        }
        var loop = marker.Extension("loopCharacteristics");
        var input = context.Expression(element, (string?)loop?.Attribute("inputCollection"), "input collection", alwaysFeel: true);
        if (input is null)
        {
            context.Problem(ProblemCodes.InvalidMultiInstance, element, "A multi-instance activity needs zeebe:loopCharacteristics inputCollection.");
            return null;
        }
        var outputCollection = (string?)loop?.Attribute("outputCollection");
        var outputElement = context.Expression(element, (string?)loop?.Attribute("outputElement"), "output element", alwaysFeel: true);
        if (!string.IsNullOrWhiteSpace(outputCollection) && outputElement is null)
        {
            context.Problem(ProblemCodes.InvalidMultiInstance, element, "outputCollection needs an outputElement expression.");
        }
        var completion = marker.Element(Ns.Bpmn + "completionCondition")?.Value;
        return new MultiInstanceSpec(
            string.Equals((string?)marker.Attribute("isSequential"), "true", StringComparison.OrdinalIgnoreCase),
            input,
            ((string?)loop?.Attribute("inputElement"))?.Trim(),
            string.IsNullOrWhiteSpace(outputCollection) ? null : outputCollection.Trim(),
            outputElement,
            context.Expression(element, completion, "completion condition", alwaysFeel: true));
    }
}
