using System.Xml.Linq;
using Ctms.Engine.Model;

namespace Ctms.Engine.Parsing;

/// <summary>Parses the flow nodes and sequence flows of a process or subprocess, then checks how they connect.</summary>
internal static class ContainerParser
{
    public static void Parse(XElement element, IFlowContainer container, ProcessModel process, ParseContext context)
    {
        var local = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        foreach (var child in element.Elements().Where(e => e.Name.Namespace == Ns.Bpmn))
        {
            var kind = child.Name.LocalName;
            if (FlowNodeParsers.Ignored.Contains(kind))
            {
                continue;
            }
            if (FlowNodeParsers.Rejected.TryGetValue(kind, out var reason))
            {
                context.Problem(ProblemCodes.Unsupported, child, reason);
                continue;
            }
            if (kind == ElementKind.SubProcess && string.Equals((string?)child.Attribute("triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase))
            {
                context.Problem(ProblemCodes.Unsupported, child, "Event subprocesses are not supported yet.");
                continue;
            }
            if (!FlowNodeParsers.ByElement.TryGetValue(kind, out var parser))
            {
                context.Problem(ProblemCodes.Unsupported, child, $"The element {kind} is not supported.");
                continue;
            }
            var node = Create(child, parser, context);
            if (node is null)
            {
                continue;
            }
            node.Container = container;
            local[node.Id] = node;
            process.Index(node);
            switch (container)
            {
                case ProcessModel p:
                    p.Add(node);
                    break;
                case SubProcessNode s:
                    s.Add(node);
                    break;
            }
            if (node is EventNode { Kind: ElementKind.StartEvent, Trigger: NoneTrigger } start)
            {
                if (container.NoneStartEvent is not null)
                {
                    context.Problem(ProblemCodes.InvalidStructure, child, $"'{container.Id}' already has the none start event '{container.NoneStartEvent.Id}'.");
                }
                SetStart(container, start);
            }
            if (node is SubProcessNode sub)
            {
                Parse(child, sub, process, context);
            }
        }
        ConnectFlows(element, local, process, context);
        AttachBoundaries(element, local, context);
        Validate(element, container, context);
    }

    private static FlowNode? Create(XElement child, FlowNodeParsers.Parser parser, ParseContext context)
    {
        var id = ((string?)child.Attribute("id"))?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            context.Problem(ProblemCodes.MissingId, child, "The element has no id.");
            return null;
        }
        if (!context.Ids.Add(id))
        {
            context.Problem(ProblemCodes.DuplicateId, child, $"The id '{id}' is used twice.");
            return null;
        }
        var node = parser(child, id, (string?)child.Attribute("name"), ParseContext.Line(child), context);
        if (node is null)
        {
            return null;
        }
        node.Inputs = ZeebeExtensions.Mappings(child, "input", context);
        node.Outputs = ZeebeExtensions.Mappings(child, "output", context);
        if (node is ActivityNode)
        {
            node.MultiInstance = ZeebeExtensions.MultiInstance(child, context);
        }
        node.AsyncBefore = AsyncBefore(child, node, context);
        return node;
    }

    /// <summary>
    /// Camunda 7's marker for a transaction boundary, the one extension the engine reads from that namespace (Camunda 8
    /// has none: every task there is a job). Only activities may carry it; elsewhere it is refused, not ignored.
    /// </summary>
    private static bool AsyncBefore(XElement element, FlowNode node, ParseContext context)
    {
        var raw = ((string?)element.Attribute(Ns.Camunda + "asyncBefore"))?.Trim();
        if (raw is null || raw.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (!raw.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            context.Problem(ProblemCodes.InvalidStructure, element, $"camunda:asyncBefore '{raw}' must be true or false.");
            return false;
        }
        if (node is not ActivityNode)
        {
            context.Problem(ProblemCodes.Unsupported, element, "camunda:asyncBefore is supported on tasks, subprocesses and call activities only.");
            return false;
        }
        return true;
    }

    private static void SetStart(IFlowContainer container, EventNode start)
    {
        switch (container)
        {
            case ProcessModel p:
                p.NoneStartEvent ??= start;
                break;
            case SubProcessNode s:
                s.NoneStartEvent ??= start;
                break;
        }
    }

    private static void ConnectFlows(XElement element, Dictionary<string, FlowNode> local, ProcessModel process, ParseContext context)
    {
        foreach (var flow in element.Elements(Ns.Bpmn + "sequenceFlow"))
        {
            var id = ((string?)flow.Attribute("id"))?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                context.Problem(ProblemCodes.MissingId, flow, "The sequence flow has no id.");
                continue;
            }
            if (!context.Ids.Add(id))
            {
                context.Problem(ProblemCodes.DuplicateId, flow, $"The id '{id}' is used twice.");
                continue;
            }
            var source = Endpoint(flow, "sourceRef", local, process, context);
            var target = Endpoint(flow, "targetRef", local, process, context);
            var conditionText = flow.Element(Ns.Bpmn + "conditionExpression")?.Value;
            var condition = context.Expression(flow, conditionText, "condition", alwaysFeel: true);
            if (source is null || target is null)
            {
                continue;
            }
            var sequenceFlow = new SequenceFlow(id, source, target, condition, ParseContext.Line(flow), !string.IsNullOrWhiteSpace(conditionText));
            source.AddOutgoing(sequenceFlow);
            target.AddIncoming(sequenceFlow);
        }
        foreach (var (id, node) in local)
        {
            var defaultId = (string?)element.Elements().FirstOrDefault(e => (string?)e.Attribute("id") == id)?.Attribute("default");
            if (defaultId is null)
            {
                continue;
            }
            node.DefaultFlow = node.Outgoing.FirstOrDefault(f => f.Id == defaultId);
            if (node.DefaultFlow is null)
            {
                context.Problem(ProblemCodes.FlowToNowhere, node.Location, $"The default flow '{defaultId}' is not an outgoing flow of '{id}'.");
            }
        }
    }

    private static FlowNode? Endpoint(XElement flow, string attribute, Dictionary<string, FlowNode> local, ProcessModel process, ParseContext context)
    {
        var reference = ((string?)flow.Attribute(attribute))?.Trim();
        if (reference is not null && local.TryGetValue(reference, out var node))
        {
            return node;
        }
        if (reference is not null && process.AllNodes.ContainsKey(reference))
        {
            context.Problem(ProblemCodes.FlowAcrossScopes, flow, $"The {attribute} '{reference}' is inside another subprocess: a flow cannot cross a subprocess border.");
        }
        else
        {
            context.Problem(ProblemCodes.FlowToNowhere, flow, $"The {attribute} '{reference ?? "(missing)"}' is not a flow node of this process.");
        }
        return null;
    }

    private static void AttachBoundaries(XElement element, Dictionary<string, FlowNode> local, ParseContext context)
    {
        foreach (var boundary in local.Values.OfType<BoundaryEventNode>())
        {
            var attachedTo = (string?)element.Elements().First(e => (string?)e.Attribute("id") == boundary.Id).Attribute("attachedToRef");
            if (attachedTo is not null && local.TryGetValue(attachedTo, out var activity) && activity is ActivityNode)
            {
                boundary.AttachedTo = activity;
                activity.AddBoundary(boundary);
            }
            else
            {
                context.Problem(ProblemCodes.InvalidBoundary, boundary.Location, $"The boundary event must be attached to an activity of the same scope ('{attachedTo ?? "(none)"}' is not).");
            }
        }
    }

    private static void Validate(XElement element, IFlowContainer container, ParseContext context) =>
        StructureRules.Check(element, container, context);
}
