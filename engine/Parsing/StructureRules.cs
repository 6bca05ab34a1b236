using System.Xml.Linq;
using Ctms.Engine.Model;

namespace Ctms.Engine.Parsing;

/// <summary>How nodes may be connected: the checks that make a drawn diagram a runnable process.</summary>
internal static class StructureRules
{
    public static void Check(XElement element, IFlowContainer container, ParseContext context)
    {
        var nodes = container.Nodes;
        var hasMessageStart = nodes.OfType<EventNode>().Any(e => e.Kind == ElementKind.StartEvent && e.Trigger is MessageTrigger);
        if (container.NoneStartEvent is null && !(container is ProcessModel && hasMessageStart) && nodes.Count > 0)
        {
            context.Problem(ProblemCodes.NoStartEvent, ParseContext.Location(element), container is ProcessModel
                ? "The process has no start event (a none start event or a message start event)."
                : "A subprocess needs exactly one none start event.");
        }
        if (container is SubProcessNode && hasMessageStart)
        {
            context.Problem(ProblemCodes.Unsupported, ParseContext.Location(element), "An embedded subprocess can only start with a none start event.");
        }
        foreach (var node in nodes)
        {
            if (node.Kind is ElementKind.StartEvent or ElementKind.BoundaryEvent && node.Incoming.Count > 0)
            {
                context.Problem(ProblemCodes.InvalidStructure, node.Location, "A start or boundary event cannot have incoming flows.");
            }
            if (node.Kind == ElementKind.EndEvent && node.Outgoing.Count > 0)
            {
                context.Problem(ProblemCodes.InvalidStructure, node.Location, "An end event cannot have outgoing flows.");
            }
            CheckConditions(node, context);
        }
    }

    private static void CheckConditions(FlowNode node, ParseContext context)
    {
        var conditional = node.Outgoing.Where(f => f.Condition is not null).ToList();
        if (node.Kind == ElementKind.ExclusiveGateway)
        {
            if (node.Outgoing.Count > 1)
            {
                foreach (var flow in node.Outgoing.Where(f => !f.HasConditionText && !f.IsDefault))
                {
                    context.Problem(ProblemCodes.MissingCondition, node.Location,
                        $"The flow '{flow.Id}' leaves the exclusive gateway without a condition and is not its default flow.");
                }
            }
            return;
        }
        if (node.DefaultFlow is not null && node.Kind != ElementKind.ExclusiveGateway)
        {
            context.Problem(ProblemCodes.InvalidStructure, node.Location, "Only an exclusive gateway can have a default flow here.");
        }
        foreach (var flow in conditional)
        {
            context.Problem(ProblemCodes.InvalidStructure, node.Location,
                $"The flow '{flow.Id}' has a condition, but conditions are only evaluated on flows leaving an exclusive gateway.");
        }
    }
}
