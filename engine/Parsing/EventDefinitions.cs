using System.Xml.Linq;
using Ctms.Engine.Model;
using Ctms.Engine.Timers;

namespace Ctms.Engine.Parsing;

/// <summary>Reads the event definition of an event element into its <see cref="EventTrigger"/>.</summary>
internal static class EventDefinitions
{
    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.Ordinal)
    {
        ["escalationEventDefinition"] = "Escalation events are not supported yet.",
        ["conditionalEventDefinition"] = "Conditional events are not supported.",
        ["linkEventDefinition"] = "Link events are not supported.",
        ["compensateEventDefinition"] = "Compensation is not supported.",
        ["cancelEventDefinition"] = "Cancel events (transactions) are not supported.",
    };

    public static EventTrigger Read(XElement element, ParseContext context)
    {
        var definitions = element.Elements().Where(e => e.Name.Namespace == Ns.Bpmn && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList();
        if (definitions.Count > 1)
        {
            context.Problem(ProblemCodes.Unsupported, element, "Multiple event definitions on one event are not supported.");
            return EventTrigger.None;
        }
        if (definitions.Count == 0)
        {
            return EventTrigger.None;
        }
        var definition = definitions[0];
        switch (definition.Name.LocalName)
        {
            case "messageEventDefinition":
                return Message(element, (string?)definition.Attribute("messageRef"), context) ?? EventTrigger.None;
            case "signalEventDefinition":
                return Signal(element, (string?)definition.Attribute("signalRef"), context) ?? EventTrigger.None;
            case "timerEventDefinition":
                return Timer(element, definition, context) ?? EventTrigger.None;
            case "errorEventDefinition":
                return Error(element, definition, context);
            case "terminateEventDefinition":
                return new TerminateTrigger();
            default:
                context.Problem(ProblemCodes.Unsupported, element,
                    Unsupported.GetValueOrDefault(definition.Name.LocalName, $"{definition.Name.LocalName} is not supported."));
                return EventTrigger.None;
        }
    }

    public static MessageTrigger? Message(XElement element, string? messageRef, ParseContext context)
    {
        if (messageRef is null || !context.Messages.TryGetValue(messageRef, out var message) || string.IsNullOrWhiteSpace(message.Name))
        {
            context.Problem(ProblemCodes.InvalidMessage, element, "The message reference must name a bpmn:message that has a name.");
            return null;
        }
        if (message.Name.Trim().StartsWith(SignalTrigger.SubscriptionPrefix, StringComparison.Ordinal))
        {
            context.Problem(ProblemCodes.InvalidMessage, element, $"A message name may not begin with '{SignalTrigger.SubscriptionPrefix}': that prefix is kept for signals.");
            return null;
        }
        var isStart = element.Name.LocalName == ElementKind.StartEvent;
        var key = context.Expression(element, message.CorrelationKey, "correlation key", alwaysFeel: true);
        if (!isStart && key is null)
        {
            context.Problem(ProblemCodes.InvalidMessage, element, $"The message '{message.Name}' needs a zeebe:subscription correlationKey to be caught here.");
        }
        return new MessageTrigger(message.Name.Trim(), isStart ? null : key);
    }

    /// <summary>
    /// A signal reference. Signal start events are refused: in Ctms a process is started by someone allowed to start it
    /// (or by a message its integration sends), and a broadcast that started processes would bypass that check.
    /// </summary>
    private static SignalTrigger? Signal(XElement element, string? signalRef, ParseContext context)
    {
        if (signalRef is null || !context.Signals.TryGetValue(signalRef, out var name) || string.IsNullOrWhiteSpace(name))
        {
            context.Problem(ProblemCodes.InvalidSignal, element, "The signal reference must name a bpmn:signal that has a name.");
            return null;
        }
        if (name.Trim().Length > SignalTrigger.MaxNameLength)
        {
            context.Problem(ProblemCodes.InvalidSignal, element, $"A signal name has at most {SignalTrigger.MaxNameLength} characters.");
            return null;
        }
        if (element.Name.LocalName == ElementKind.StartEvent)
        {
            context.Problem(ProblemCodes.InvalidSignal, element,
                "Signal start events are not supported: a broadcast would start processes without the start permission being checked. Start the process with a none or message start event.");
            return null;
        }
        return new SignalTrigger(name.Trim());
    }

    private static TimerTrigger? Timer(XElement element, XElement definition, ParseContext context)
    {
        var (kind, value) = definition.Element(Ns.Bpmn + "timeDuration") is { } d ? (TimerKind.Duration, d.Value)
            : definition.Element(Ns.Bpmn + "timeDate") is { } t ? (TimerKind.Date, t.Value)
            : definition.Element(Ns.Bpmn + "timeCycle") is { } c ? (TimerKind.Cycle, c.Value)
            : (TimerKind.Duration, "");
        if (string.IsNullOrWhiteSpace(value))
        {
            context.Problem(ProblemCodes.InvalidTimer, element, "The timer has no timeDuration, timeDate or timeCycle.");
            return null;
        }
        var expression = context.Expression(element, value, "timer");
        if (expression is null)
        {
            return null;
        }
        if (expression.IsStatic && !IsValidStatic(kind, value.Trim()))
        {
            context.Problem(ProblemCodes.InvalidTimer, element, kind switch
            {
                TimerKind.Duration => $"'{value.Trim()}' is not an ISO 8601 duration such as PT15M or P3D.",
                TimerKind.Date => $"'{value.Trim()}' is not an ISO 8601 date-time such as 2026-12-01T09:00:00Z.",
                _ => $"'{value.Trim()}' is not an ISO 8601 cycle such as R3/P1D.",
            });
            return null;
        }
        if (kind == TimerKind.Cycle && element.Name.LocalName == ElementKind.IntermediateCatchEvent)
        {
            context.Problem(ProblemCodes.InvalidTimer, element, "A timer cycle belongs on a non-interrupting boundary event or a start event, not on an intermediate catch event.");
        }
        return new TimerTrigger(kind, expression);
    }

    private static bool IsValidStatic(TimerKind kind, string value) => kind switch
    {
        TimerKind.Duration => IsoDuration.TryParse(value, out _),
        TimerKind.Date => IsoDate.TryParse(value, out _),
        _ => IsoCycle.TryParse(value, out _),
    };

    private static ErrorTrigger Error(XElement element, XElement definition, ParseContext context)
    {
        var errorRef = (string?)definition.Attribute("errorRef");
        string? code = null;
        if (errorRef is not null && (!context.Errors.TryGetValue(errorRef, out code) || string.IsNullOrWhiteSpace(code)))
        {
            context.Problem(ProblemCodes.InvalidError, element, $"The error reference '{errorRef}' must name a bpmn:error with an errorCode.");
        }
        if (errorRef is null && element.Name.LocalName == ElementKind.EndEvent)
        {
            context.Problem(ProblemCodes.InvalidError, element, "An error end event must reference a bpmn:error with an errorCode.");
        }
        return new ErrorTrigger(code?.Trim());
    }
}
