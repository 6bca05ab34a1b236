using System.Globalization;
using Ctms.Engine.Feel;
using Ctms.Engine.Model;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Timers;

namespace Ctms.Engine.Runtime.Execution;

internal sealed partial class CommandRun
{
    /// <summary>An activity's boundary timers, messages and signals start waiting when the activity starts.</summary>
    private async Task SubscribeBoundariesAsync(ProcessInstanceState instance, FlowNode node, ElementInstanceState element)
    {
        foreach (var boundary in node.Boundaries)
        {
            switch (boundary.Trigger)
            {
                case TimerTrigger timer:
                    await ScheduleTimerAsync(instance, element, timer, boundary.Id);
                    break;
                case MessageTrigger message:
                    await SubscribeMessageAsync(instance, element, message, boundary.Id);
                    break;
                case SignalTrigger signal:
                    await SubscribeSignalAsync(instance, element, signal, boundary.Id);
                    break;
            }
        }
    }

    private async Task ScheduleTimerAsync(ProcessInstanceState instance, ElementInstanceState element, TimerTrigger timer, string? boundaryId)
    {
        var (ok, value) = await EvaluateAsync(instance, element, timer.Value, "timer");
        if (!ok)
        {
            return;
        }
        var job = new JobState { Id = Guid.CreateVersion7(), Kind = JobKind.Timer, InstanceId = instance.Id, ElementInstanceId = element.Id, BoundaryElementId = boundaryId };
        var text = value switch
        {
            TimeSpan span => IsoDuration.FromTimeSpan(span).AddTo(Now).ToString("O", CultureInfo.InvariantCulture),
            FeelYearsMonths months => new IsoDuration(0, months.TotalMonths, 0, 0, 0, 0).AddTo(Now).ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
            DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture),
            _ => value?.ToString(),
        };
        var valid = value is TimeSpan or FeelYearsMonths or DateTimeOffset or DateTime ? IsoDate.TryParse(text, out var due) : TryDue(timer.Kind, text, out due, job);
        if (!valid)
        {
            await IncidentAsync(instance, element, IncidentCodes.InvalidTimer, $"The timer of '{boundaryId ?? element.ElementId}' gave '{text}', which is not a valid ISO 8601 {timer.Kind.ToString().ToLowerInvariant()}.");
            return;
        }
        job.DueAt = due;
        element.Waits |= ElementWaits.Jobs;
        await store.AddJobAsync(job, ct);
    }

    private bool TryDue(TimerKind kind, string? text, out DateTimeOffset due, JobState job)
    {
        due = default;
        switch (kind)
        {
            case TimerKind.Duration when IsoDuration.TryParse(text, out var duration):
                due = duration.AddTo(Now);
                return true;
            case TimerKind.Date when IsoDate.TryParse(text, out var date):
                due = date;
                return true;
            case TimerKind.Cycle when IsoCycle.TryParse(text, out var cycle):
                due = cycle!.FirstDue(Now);
                job.RepetitionsLeft = cycle.Repetitions is { } r ? r - 1 : null;
                job.Interval = text!.Split('/')[^1];
                return true;
            default:
                return false;
        }
    }

    /// <summary>A due timer or retry job fires.</summary>
    public async Task FireJobAsync(JobState job)
    {
        // A job that is gone ran already (on this node or another, after a lease expired): never run it twice.
        if (!await store.RemoveJobAsync(job.Id, ct))
        {
            return;
        }
        var instance = await LoadAsync(job.InstanceId);
        if (!instance.Elements.TryGetValue(job.ElementInstanceId, out var element) || element.Status != ElementStatus.Active)
        {
            return;
        }
        var node = Model(instance).Node(element.ElementId);
        switch (job.Kind)
        {
            case JobKind.Retry:
                await ExecuteServiceTaskAsync(instance, (ServiceTaskNode)node, element);
                return;
            case JobKind.Continuation:
                await BehaveAsync(instance, node, element);
                return;
        }
        if (job.BoundaryElementId is null)
        {
            await CompleteAsync(instance, element, null);
            return;
        }
        var boundary = (BoundaryEventNode)Model(instance).Node(job.BoundaryElementId);
        if (!boundary.Interrupting && job.Interval is not null && job.RepetitionsLeft is not 0)
        {
            job.Id = Guid.CreateVersion7();
            job.DueAt = IsoDuration.Parse(job.Interval).AddTo(job.DueAt);
            job.RepetitionsLeft = job.RepetitionsLeft - 1;
            await store.AddJobAsync(job, ct);
        }
        await TriggerBoundaryAsync(instance, element, boundary, null);
    }

    /// <summary>A boundary event fires: an interrupting one cancels the activity first; then the boundary path starts.</summary>
    private async Task TriggerBoundaryAsync(ProcessInstanceState instance, ElementInstanceState attached, BoundaryEventNode boundary, IReadOnlyDictionary<string, object?>? variables)
    {
        var scope = Scope(instance, attached)!;
        scope.PendingFlows++;
        if (boundary.Interrupting)
        {
            await TerminateAsync(instance, attached);
        }
        scope.PendingFlows--;
        await ActivateEventAsync(instance, boundary, scope, variables);
    }

    private async Task ActivateEventAsync(ProcessInstanceState instance, EventNode node, ElementInstanceState scope, IReadOnlyDictionary<string, object?>? variables)
    {
        var element = new ElementInstanceState { Id = Guid.CreateVersion7(), ElementId = node.Id, Kind = node.Kind, ScopeId = scope.Id, Status = ElementStatus.Active };
        instance.Elements[element.Id] = element;
        await HistoryAsync(instance, element, "started");
        await CompleteAsync(instance, element, variables);
    }

    private async Task SubscribeMessageAsync(ProcessInstanceState instance, ElementInstanceState element, MessageTrigger message, string? boundaryId)
    {
        var (ok, key) = await EvaluateAsync(instance, element, message.CorrelationKey!, "correlation key");
        if (!ok)
        {
            return;
        }
        if (key is null or IReadOnlyList<object?> or IReadOnlyDictionary<string, object?>)
        {
            await IncidentAsync(instance, element, IncidentCodes.InvalidCorrelationKey,
                $"The correlation key '{message.CorrelationKey!.Raw.Trim()}' of '{boundaryId ?? element.ElementId}' gave {Describe(key)}; a string or number is needed.");
            return;
        }
        var subscription = new MessageSubscriptionState
        {
            Id = Guid.CreateVersion7(),
            MessageName = message.MessageName,
            CorrelationKey = CorrelationKey(key),
            InstanceId = instance.Id,
            ElementInstanceId = element.Id,
            BoundaryElementId = boundaryId,
        };
        element.Waits |= ElementWaits.Subscriptions;
        await store.AddSubscriptionAsync(subscription, ct);
        Enqueue(() => DeliverBufferedAsync(subscription));
    }

    internal static string CorrelationKey(object? key) => key switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => key?.ToString() ?? "",
    };

    /// <summary>Hands a message or signal to a waiting element: completes a catch event or receive task, or fires a boundary event.</summary>
    public async Task<bool> DeliverAsync(MessageSubscriptionState subscription, IReadOnlyDictionary<string, object?> variables)
    {
        var instance = await LoadAsync(subscription.InstanceId);
        if (!instance.Elements.TryGetValue(subscription.ElementInstanceId, out var element) || element.Status != ElementStatus.Active)
        {
            await store.RemoveSubscriptionAsync(subscription.Id, ct);
            return false;
        }
        if (subscription.BoundaryElementId is null)
        {
            await store.RemoveSubscriptionAsync(subscription.Id, ct);
            await CompleteAsync(instance, element, variables);
            return true;
        }
        var boundary = (BoundaryEventNode)Model(instance).Node(subscription.BoundaryElementId);
        if (boundary.Interrupting)
        {
            await store.RemoveSubscriptionAsync(subscription.Id, ct);
            await TriggerBoundaryAsync(instance, element, boundary, variables);
            return true;
        }
        // A non-interrupting boundary stays subscribed while its activity runs, and takes the next buffered message too
        // (signals are never buffered).
        await TriggerBoundaryAsync(instance, element, boundary, variables);
        if (boundary.Trigger is MessageTrigger)
        {
            Enqueue(() => DeliverBufferedAsync(subscription));
        }
        return true;
    }

    /// <summary>Hands the oldest buffered message for a subscription to it, if its element still waits; the message stays buffered otherwise.</summary>
    private async Task DeliverBufferedAsync(MessageSubscriptionState subscription)
    {
        var instance = await LoadAsync(subscription.InstanceId);
        if (!instance.Elements.TryGetValue(subscription.ElementInstanceId, out var element) || element.Status != ElementStatus.Active)
        {
            return;
        }
        var buffered = await store.TakeBufferedMessageAsync(subscription.MessageName, subscription.CorrelationKey, Now, ct);
        if (buffered is not null)
        {
            await DeliverAsync(subscription, buffered.Variables);
        }
    }

    private async Task ThrowFromEndEventAsync(ProcessInstanceState instance, ElementInstanceState endEvent, string code)
    {
        var caught = await FindErrorCatchAsync(instance, endEvent, code);
        if (caught is null)
        {
            await UncaughtErrorAsync(instance, endEvent, code, null);
            return;
        }
        var scope = Scope(instance, endEvent)!;
        scope.PendingFlows++;
        await CloseAsync(instance, endEvent, "completed");
        scope.PendingFlows--;
        await TriggerBoundaryAsync(caught.Instance, caught.Element, caught.Boundary, null);
    }

    /// <summary>
    /// A BPMN error is caught by the nearest matching boundary event from the throwing element outwards, through
    /// subprocesses and up into the calling processes; the catching activity is interrupted with everything inside
    /// it (called instances included). Uncaught, it becomes an incident where it was thrown, which stays active.
    /// </summary>
    private async Task ThrowErrorAsync(ProcessInstanceState instance, ElementInstanceState thrower, string code, string? message)
    {
        var caught = await FindErrorCatchAsync(instance, thrower, code);
        if (caught is null)
        {
            await UncaughtErrorAsync(instance, thrower, code, message);
            return;
        }
        await TriggerBoundaryAsync(caught.Instance, caught.Element, caught.Boundary, null);
    }

    /// <summary>Looks for the boundary event that catches an error, without changing anything: a code match first, then a catch-all.</summary>
    private async Task<ErrorCatch?> FindErrorCatchAsync(ProcessInstanceState instance, ElementInstanceState thrower, string code)
    {
        var process = instance;
        ElementInstanceState? current = thrower;
        while (true)
        {
            for (; current is not null && current.Id != process.RootId; current = Scope(process, current))
            {
                if (current.LoopCounter is not null)
                {
                    continue; // an inner instance: the boundary events belong to the multi-instance body
                }
                var node = Model(process).Node(current.ElementId);
                var boundary = node.Boundaries.FirstOrDefault(b => b.Trigger is ErrorTrigger e && e.ErrorCode == code)
                               ?? node.Boundaries.FirstOrDefault(b => b.Trigger is ErrorTrigger { ErrorCode: null });
                if (boundary is not null)
                {
                    return new ErrorCatch(process, current, boundary);
                }
            }
            if (process.ParentInstanceId is not { } parentId || process.ParentElementInstanceId is not { } callId)
            {
                return null;
            }
            var parent = await LoadAsync(parentId);
            if (!parent.Elements.TryGetValue(callId, out var call) || call.Status != ElementStatus.Active)
            {
                return null;
            }
            process = parent;
            current = call;
        }
    }

    private Task UncaughtErrorAsync(ProcessInstanceState instance, ElementInstanceState thrower, string code, string? message) =>
        IncidentAsync(instance, thrower, IncidentCodes.UnhandledError,
            $"The BPMN error '{code}'{(message is null ? "" : $" ({message})")} thrown at '{thrower.ElementId}' was not caught.");

    /// <summary>Where an error is caught: the boundary event and the activity instance (in its process instance) it is attached to.</summary>
    private sealed record ErrorCatch(ProcessInstanceState Instance, ElementInstanceState Element, BoundaryEventNode Boundary);
}
