using Ctms.Engine.Model;
using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Runtime.Execution;

/// <summary>
/// BPMN signals. A signal is a broadcast scoped to a business key: it reaches every element that waits for it (an
/// intermediate catch event, a boundary event) in every instance with that key, every subscription and not one per
/// instance. Instances without a key share the empty key. Nothing is buffered: a signal nobody waits for is lost.
/// </summary>
internal sealed partial class CommandRun
{
    /// <summary>An element starts waiting for a signal of its instance's business key.</summary>
    private Task SubscribeSignalAsync(ProcessInstanceState instance, ElementInstanceState element, SignalTrigger signal, string? boundaryId)
    {
        element.Waits |= ElementWaits.Subscriptions;
        return store.AddSubscriptionAsync(new MessageSubscriptionState
        {
            Id = Guid.CreateVersion7(),
            MessageName = signal.SubscriptionName,
            CorrelationKey = instance.BusinessKey ?? "",
            InstanceId = instance.Id,
            ElementInstanceId = element.Id,
            BoundaryElementId = boundaryId,
        }, ct);
    }

    /// <summary>
    /// Hands a signal to every element waiting for it with the business key, outermost first (so a scope that a signal
    /// interrupts does not also fire the catch events inside it, which it cancels), and returns how many it reached.
    /// The waiting elements are those subscribed when the broadcast begins: a path the signal starts does not catch it again.
    /// </summary>
    public async Task<int> BroadcastAsync(string signalName, string? businessKey, IReadOnlyDictionary<string, object?> variables)
    {
        var subscriptions = await store.SubscriptionsAsync(SignalTrigger.SubscriptionPrefix + signalName, businessKey ?? "", ct);
        var ordered = new List<(int CallDepth, int ScopeDepth, MessageSubscriptionState Subscription)>();
        foreach (var subscription in subscriptions)
        {
            var instance = await LoadAsync(subscription.InstanceId);
            var scopeDepth = 0;
            for (var e = instance.Elements.GetValueOrDefault(subscription.ElementInstanceId); e is not null; e = Scope(instance, e))
            {
                scopeDepth++;
            }
            ordered.Add((await CallDepthAsync(instance), scopeDepth, subscription));
        }
        var reached = 0;
        foreach (var (_, _, subscription) in ordered.OrderBy(o => o.CallDepth).ThenBy(o => o.ScopeDepth).ThenBy(o => o.Subscription.Id))
        {
            if (await DeliverAsync(subscription, variables))
            {
                reached++;
            }
        }
        return reached;
    }

    /// <summary>How many calling instances are above an instance (0 for one started on its own).</summary>
    private async Task<int> CallDepthAsync(ProcessInstanceState instance)
    {
        var depth = 0;
        for (var current = instance; current.ParentInstanceId is { } parentId; current = await LoadAsync(parentId))
        {
            depth++;
        }
        return depth;
    }

    /// <summary>
    /// An intermediate throw or end event broadcasts its signal to its instance's business key, with the event's input
    /// mappings as the signal's variables, then the path goes on (unless the signal cancelled the thrower's own scope).
    /// </summary>
    private async Task ThrowSignalAsync(ProcessInstanceState instance, ElementInstanceState element, SignalTrigger signal)
    {
        var reached = await BroadcastAsync(signal.SignalName, instance.BusinessKey, new Dictionary<string, object?>(element.Variables, StringComparer.Ordinal));
        await HistoryAsync(instance, element, HistoryEvents.SignalThrown, detail: HistoryEvents.SignalDetail(signal.SignalName, reached));
        if (element.Status == ElementStatus.Active && instance.Elements.ContainsKey(element.Id))
        {
            await CompleteAsync(instance, element, null);
        }
    }
}
