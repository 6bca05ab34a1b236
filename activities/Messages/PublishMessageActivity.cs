using System.Globalization;
using Ctms.Engine.Runtime.Activities;

namespace Ctms.Activities.Messages;

/// <summary>
/// The <c>publish-message</c> service task: a message thrown by the process (what a BPMN message throw event does),
/// correlated in the same command: it starts the processes that begin with that message (the correlation key becomes
/// their business key) and reaches the instances that wait for it with that key. How one SOP hands over to another
/// without the person who finished the first one starting the second: P09's approval of a new protocol starts P14.
/// </summary>
[Activity("publish-message", Category = "Processes",
    Description = "Publishes a message in the same transaction: starts the processes that begin with it and reaches the instances waiting for it with the key.",
    Inputs = ["messageName: the message's name", "correlationKey: the key (for a started process, its business key)",
        "messageVariables: a context of the variables the message carries (optional)"],
    Outputs = [])]
public sealed class PublishMessageActivity : IActivityHandler
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var name = ActivityInputs.RequiredString(context, "messageName");
        if (name.StartsWith("signal:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The service task {context.ElementId} may not publish a message named 'signal:…': that name space is the signals'.");
        }
        var key = context.Variables.TryGetValue("correlationKey", out var value) && value is not null and not IReadOnlyDictionary<string, object?>
            ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""
            : throw new InvalidOperationException($"The service task {context.ElementId} needs 'correlationKey' (a text or a number).");
        var variables = context.Variables.TryGetValue("messageVariables", out var carried) && carried is IReadOnlyDictionary<string, object?> map
            ? map
            : new Dictionary<string, object?>();
        return Task.FromResult(ActivityResult.CompleteAndPublish(null, new PublishedMessage(name, key, variables)));
    }
}
