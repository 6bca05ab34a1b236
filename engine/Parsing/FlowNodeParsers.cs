using System.Xml.Linq;
using Ctms.Engine.Model;

namespace Ctms.Engine.Parsing;

/// <summary>One parser per element kind, chosen by the element's local name.</summary>
internal static class FlowNodeParsers
{
    public delegate FlowNode? Parser(XElement element, string id, string? name, int line, ParseContext context);

    public static readonly IReadOnlyDictionary<string, Parser> ByElement = new Dictionary<string, Parser>(StringComparer.Ordinal)
    {
        [ElementKind.StartEvent] = Event,
        [ElementKind.EndEvent] = Event,
        [ElementKind.IntermediateCatchEvent] = Event,
        [ElementKind.IntermediateThrowEvent] = Event,
        [ElementKind.BoundaryEvent] = Boundary,
        [ElementKind.Task] = PassThrough,
        [ElementKind.ManualTask] = PassThrough,
        [ElementKind.UserTask] = (e, id, name, line, c) => new UserTaskNode(id, name, line, ZeebeExtensions.UserTask(e, c)),
        [ElementKind.ServiceTask] = ServiceTask,
        [ElementKind.SendTask] = ServiceTask,
        [ElementKind.BusinessRuleTask] = ServiceTask,
        [ElementKind.ReceiveTask] = ReceiveTask,
        [ElementKind.ExclusiveGateway] = Gateway,
        [ElementKind.ParallelGateway] = Gateway,
        [ElementKind.SubProcess] = (_, id, name, line, _) => new SubProcessNode(id, name, line),
        [ElementKind.CallActivity] = CallActivity,
    };

    /// <summary>Elements ENGINE.md rejects at deploy, with the reason given to the modeller.</summary>
    public static readonly IReadOnlyDictionary<string, string> Rejected = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["scriptTask"] = "Script tasks are not supported: use a service task with a registered activity.",
        ["transaction"] = "Transaction subprocesses are not supported.",
        ["complexGateway"] = "Complex gateways are not supported.",
        ["adHocSubProcess"] = "Ad-hoc subprocesses are not supported.",
        ["inclusiveGateway"] = "Inclusive gateways are not supported yet.",
        ["eventBasedGateway"] = "Event-based gateways are not supported yet.",
        ["callChoreography"] = "Choreographies are not supported.",
        ["subChoreography"] = "Choreographies are not supported.",
        ["choreographyTask"] = "Choreographies are not supported.",
    };

    /// <summary>Elements inside a process that do not take part in execution (artifacts, lanes, data).</summary>
    public static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "incoming", "outgoing", "laneSet", "lane", "dataObject", "dataObjectReference",
        "dataStoreReference", "textAnnotation", "association", "group", "property", "dataInputAssociation",
        "dataOutputAssociation", "ioSpecification", "multiInstanceLoopCharacteristics", "sequenceFlow",
    };

    private static EventNode? Event(XElement e, string id, string? name, int line, ParseContext c)
    {
        var trigger = EventDefinitions.Read(e, c);
        var kind = e.Name.LocalName;
        var allowed = kind switch
        {
            ElementKind.StartEvent => trigger is NoneTrigger or MessageTrigger,
            ElementKind.EndEvent => trigger is NoneTrigger or TerminateTrigger or ErrorTrigger or SignalTrigger,
            ElementKind.IntermediateCatchEvent => trigger is TimerTrigger or MessageTrigger or SignalTrigger,
            _ => trigger is NoneTrigger or SignalTrigger,
        };
        if (!allowed && !c.Problems.Any(p => p.Location.ElementId == id))
        {
            c.Problem(ProblemCodes.Unsupported, e, $"A {kind} with a {TriggerName(trigger)} trigger is not supported.");
        }
        return new EventNode(id, name, kind, line, trigger);
    }

    private static BoundaryEventNode? Boundary(XElement e, string id, string? name, int line, ParseContext c)
    {
        var trigger = EventDefinitions.Read(e, c);
        var interrupting = !string.Equals((string?)e.Attribute("cancelActivity"), "false", StringComparison.OrdinalIgnoreCase);
        if (trigger is NoneTrigger or TerminateTrigger)
        {
            c.Problem(ProblemCodes.InvalidBoundary, e, "A boundary event needs a timer, message, signal or error definition.");
        }
        if (trigger is ErrorTrigger && !interrupting)
        {
            c.Problem(ProblemCodes.InvalidBoundary, e, "An error boundary event is always interrupting.");
        }
        if (trigger is TimerTrigger { Kind: TimerKind.Cycle } && interrupting)
        {
            c.Problem(ProblemCodes.InvalidTimer, e, "A timer cycle on a boundary event must be non-interrupting (cancelActivity=\"false\").");
        }
        return new BoundaryEventNode(id, name, line, trigger, interrupting);
    }

    private static ActivityNode PassThrough(XElement e, string id, string? name, int line, ParseContext c) => new ActivityNode(id, name, e.Name.LocalName, line);

    private static ServiceTaskNode? ServiceTask(XElement e, string id, string? name, int line, ParseContext c)
    {
        var definition = e.Extension("taskDefinition");
        var type = ((string?)definition?.Attribute("type"))?.Trim();
        if (definition is null || string.IsNullOrEmpty(type))
        {
            c.Problem(ProblemCodes.MissingTaskType, e, "A service task needs zeebe:taskDefinition with a type naming the activity that does the work.");
            return new ServiceTaskNode(id, name, e.Name.LocalName, line, "", 3, ZeebeExtensions.Headers(e));
        }
        if (type.StartsWith('='))
        {
            c.Problem(ProblemCodes.MissingTaskType, e, "The task type must be a static activity type, not an expression.");
        }
        else if (c.Activities is not null && !c.Activities.IsRegistered(type))
        {
            c.Problem(ProblemCodes.UnknownTaskType, e, $"No activity is registered for the task type '{type}'.");
        }
        return new ServiceTaskNode(id, name, e.Name.LocalName, line, type, ZeebeExtensions.Retries(e, definition, c), ZeebeExtensions.Headers(e));
    }

    private static ReceiveTaskNode? ReceiveTask(XElement e, string id, string? name, int line, ParseContext c)
    {
        var message = EventDefinitions.Message(e, (string?)e.Attribute("messageRef"), c);
        return message is null ? null : new ReceiveTaskNode(id, name, line, message);
    }

    private static GatewayNode Gateway(XElement e, string id, string? name, int line, ParseContext c) => new GatewayNode(id, name, e.Name.LocalName, line);

    private static CallActivityNode? CallActivity(XElement e, string id, string? name, int line, ParseContext c)
    {
        var called = e.Extension("calledElement");
        var processId = c.Expression(e, (string?)called?.Attribute("processId"), "called process id");
        if (processId is null)
        {
            c.Problem(ProblemCodes.InvalidCallActivity, e, "A call activity needs zeebe:calledElement with a processId.");
            return null;
        }
        bool Flag(string attribute) => !string.Equals((string?)called!.Attribute(attribute), "false", StringComparison.OrdinalIgnoreCase);
        return new CallActivityNode(id, name, line, processId, Flag("propagateAllChildVariables"), Flag("propagateAllParentVariables"));
    }

    private static string TriggerName(EventTrigger trigger) => trigger switch
    {
        NoneTrigger => "none",
        MessageTrigger => "message",
        TimerTrigger => "timer",
        ErrorTrigger => "error",
        SignalTrigger => "signal",
        _ => "terminate",
    };
}
