using System.Globalization;
using Ctms.Engine.Feel;
using Ctms.Engine.Model;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Timers;

namespace Ctms.Engine.Runtime.Execution;

internal sealed partial class CommandRun
{
    /// <summary>An activity's boundary timers and messages start waiting when the activity starts.</summary>
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
        await store.RemoveJobAsync(job.Id, ct);
        var instance = await LoadAsync(job.InstanceId);
        if (!instance.Elements.TryGetValue(job.ElementInstanceId, out var element) || element.Status != ElementStatus.Active)
        {
            return;
        }
        var node = Model(instance).Node(element.ElementId);
        if (job.Kind == JobKind.Retry)
        {
            await ExecuteServiceTaskAsync(instance, (ServiceTaskNode)node, element);
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
        await store.AddSubscriptionAsync(subscription, ct);
        var buffered = await store.TakeBufferedMessageAsync(subscription.MessageName, subscription.CorrelationKey, Now, ct);
        if (buffered is not null)
        {
            Enqueue(() => DeliverAsync(subscription, buffered.Variables));
        }
    }

    internal static string CorrelationKey(object? key) => key switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => key?.ToString() ?? "",
    };

    /// <summary>Hands a message to a waiting element: completes a catch event or receive task, or fires a boundary event.</summary>
    public async Task<bool> DeliverAsync(MessageSubscriptionState subscription, IReadOnlyDictionary<string, object?> variables)
    {
        var instance = await LoadAsync(subscription.InstanceId);
        if (!instance.Elements.TryGetValue(subscription.ElementInstanceId, out var element) || element.Status != ElementStatus.Active)
        {
            await store.RemoveSubscriptionAsync(subscription.Id, ct);
            return false;
        }
        await store.RemoveSubscriptionAsync(subscription.Id, ct);
        if (subscription.BoundaryElementId is null)
        {
            await CompleteAsync(instance, element, variables);
        }
        else
        {
            await TriggerBoundaryAsync(instance, element, (BoundaryEventNode)Model(instance).Node(subscription.BoundaryElementId), variables);
        }
        return true;
    }

    private async Task ThrowFromEndEventAsync(ProcessInstanceState instance, ElementInstanceState endEvent, string code)
    {
        var scope = Scope(instance, endEvent)!;
        scope.PendingFlows++;
        await CloseAsync(instance, endEvent, "completed");
        scope.PendingFlows--;
        await ThrowErrorAsync(instance, scope, code, null, fromEndEvent: endEvent);
    }

    /// <summary>
    /// A BPMN error looks for a catching boundary event from the throwing element outwards, through subprocesses and
    /// up into the calling process; uncaught, it becomes an incident where it was thrown.
    /// </summary>
    private async Task ThrowErrorAsync(ProcessInstanceState instance, ElementInstanceState thrower, string code, string? message, ElementInstanceState? fromEndEvent = null)
    {
        for (ElementInstanceState? current = thrower; current is not null && current.Id != instance.RootId; current = Scope(instance, current))
        {
            if (current.LoopCounter is not null)
            {
                continue; // an inner instance: the boundary events belong to the multi-instance body
            }
            var node = Model(instance).Node(current.ElementId);
            var boundary = node.Boundaries.FirstOrDefault(b => b.Trigger is ErrorTrigger e && e.ErrorCode == code)
                           ?? node.Boundaries.FirstOrDefault(b => b.Trigger is ErrorTrigger { ErrorCode: null });
            if (boundary is not null)
            {
                await TriggerBoundaryAsync(instance, current, boundary, null);
                return;
            }
        }
        if (instance.ParentInstanceId is { } parentId && instance.ParentElementInstanceId is { } callId)
        {
            var parent = await LoadAsync(parentId);
            await TerminateAsync(instance, instance.Root);
            instance.Status = InstanceStatus.Terminated;
            instance.EndedAt = Now;
            if (parent.Elements.TryGetValue(callId, out var call))
            {
                call.CalledInstanceId = null;
                await ThrowErrorAsync(parent, call, code, message);
            }
            return;
        }
        await IncidentAsync(instance, thrower, IncidentCodes.UnhandledError,
            $"The BPMN error '{code}'{(message is null ? "" : $" ({message})")} thrown at '{(fromEndEvent ?? thrower).ElementId}' was not caught.");
    }
}
