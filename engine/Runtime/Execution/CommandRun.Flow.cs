using Ctms.Engine.Diagnostics;
using Ctms.Engine.Model;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Tasks;

namespace Ctms.Engine.Runtime.Execution;

internal sealed partial class CommandRun
{
    /// <summary>Creates a process instance and enqueues its start event (the none start, or the given one).</summary>
    public ProcessInstanceState StartInstance(DeployedProcess definition, IReadOnlyDictionary<string, object?> variables, string? businessKey,
        EventNode? startEvent = null, ProcessInstanceState? parent = null, ElementInstanceState? callActivity = null)
    {
        var start = startEvent ?? definition.Model.NoneStartEvent
                    ?? throw new EngineException(EngineException.Invalid, $"Process '{definition.ProcessId}' has no none start event; start it with a message.");
        var root = new ElementInstanceState { Id = Guid.CreateVersion7(), ElementId = definition.ProcessId, Kind = ElementKind.Process, Status = ElementStatus.Active };
        _afterCommit.Add(() => EngineMetrics.InstanceStarted(definition.ProcessId));
        foreach (var (key, value) in variables)
        {
            root.Variables[key] = value;
        }
        var instance = new ProcessInstanceState
        {
            Id = Guid.CreateVersion7(),
            ProcessId = definition.ProcessId,
            DefinitionVersion = definition.Version,
            DefinitionHash = definition.Hash,
            BusinessKey = businessKey ?? parent?.BusinessKey,
            Status = InstanceStatus.Active,
            ParentInstanceId = parent?.Id,
            ParentElementInstanceId = callActivity?.Id,
            StartedAt = Now,
            RootId = root.Id,
            Elements = { [root.Id] = root },
        };
        Track(instance, definition.Model);
        root.PendingFlows++;
        Enqueue(async () =>
        {
            await HistoryAsync(instance, root, "started");
            foreach (var (name, value) in root.Variables)
            {
                await VariableHistoryAsync(instance, root, name, value);
            }
            root.PendingFlows--;
            await ActivateAsync(instance, start, root);
        });
        return instance;
    }

    /// <summary>Enters a flow node in a scope: creates its element instance, applies input mappings, runs its behaviour.</summary>
    private async Task ActivateAsync(ProcessInstanceState instance, FlowNode node, ElementInstanceState scope, int? loopCounter = null,
        IReadOnlyDictionary<string, object?>? locals = null)
    {
        if (!Budget())
        {
            await IncidentAsync(instance, scope, IncidentCodes.TooManySteps, $"More than {options.MaxActivationsPerCommand} activations in one command: an endless loop?");
            return;
        }
        var isBody = node.MultiInstance is not null && loopCounter is null;
        var element = new ElementInstanceState
        {
            Id = Guid.CreateVersion7(),
            ElementId = node.Id,
            Kind = isBody ? ElementKind.MultiInstanceBody : node.Kind,
            ScopeId = scope.Id,
            Status = ElementStatus.Active,
            LoopCounter = loopCounter,
        };
        foreach (var (key, value) in locals ?? new Dictionary<string, object?>())
        {
            element.Variables[key] = value;
        }
        instance.Elements[element.Id] = element;
        await HistoryAsync(instance, element, "started");
        if (isBody)
        {
            await SubscribeBoundariesAsync(instance, node, element);
            await ActivateMultiInstanceAsync(instance, node, element);
            return;
        }
        foreach (var input in node.Inputs)
        {
            var (ok, value) = await EvaluateAsync(instance, element, input.Source, "input mapping");
            if (!ok)
            {
                return;
            }
            SetPath(element.Variables, input.Target, value);
        }
        if (loopCounter is null)
        {
            await SubscribeBoundariesAsync(instance, node, element);
        }
        if (node.AsyncBefore)
        {
            // The command commits here; the job executor runs the behaviour later, in a transaction of its own.
            await ScheduleJobAsync(instance, element, JobKind.Continuation, Now);
            return;
        }
        await BehaveAsync(instance, node, element);
    }

    /// <summary>Runs the element's behaviour on activation (and again when an incident on it is retried).</summary>
    private Task BehaveAsync(ProcessInstanceState instance, FlowNode node, ElementInstanceState element) => node switch
    {
        UserTaskNode task => CreateUserTaskAsync(instance, task, element),
        ServiceTaskNode task => ExecuteServiceTaskAsync(instance, task, element),
        ReceiveTaskNode task => SubscribeMessageAsync(instance, element, task.Message, null),
        SubProcessNode sub => EnterSubProcessAsync(instance, sub, element),
        CallActivityNode call => CallAsync(instance, call, element),
        GatewayNode { Kind: ElementKind.ExclusiveGateway } gateway => ChooseFlowAsync(instance, gateway, element),
        EventNode { Kind: ElementKind.IntermediateCatchEvent, Trigger: TimerTrigger timer } => ScheduleTimerAsync(instance, element, timer, null),
        EventNode { Kind: ElementKind.IntermediateCatchEvent, Trigger: MessageTrigger message } => SubscribeMessageAsync(instance, element, message, null),
        EventNode { Kind: ElementKind.IntermediateCatchEvent, Trigger: SignalTrigger signal } => SubscribeSignalAsync(instance, element, signal, null),
        EventNode { Kind: ElementKind.IntermediateThrowEvent or ElementKind.EndEvent, Trigger: SignalTrigger signal } => ThrowSignalAsync(instance, element, signal),
        EventNode { Kind: ElementKind.EndEvent, Trigger: TerminateTrigger } => TerminateScopeAsync(instance, element),
        EventNode { Kind: ElementKind.EndEvent, Trigger: ErrorTrigger error } => ThrowFromEndEventAsync(instance, element, error.ErrorCode!),
        _ => CompleteAsync(instance, element, null),
    };

    /// <summary>Leaves an element: output mappings and variable propagation, history, then its outgoing flows.</summary>
    public async Task CompleteAsync(ProcessInstanceState instance, ElementInstanceState element, IReadOnlyDictionary<string, object?>? variables,
        IReadOnlyList<SequenceFlow>? flows = null, string? userId = null)
    {
        var model = Model(instance);
        var node = model.Node(element.ElementId);
        element.Completing = true;
        if (!await ApplyOutputsAsync(instance, node, element, variables, userId))
        {
            return;
        }
        if (element.LoopCounter is not null)
        {
            var met = await InnerInstanceCompletingAsync(instance, node, element);
            if (met is null)
            {
                return;
            }
            await CloseAsync(instance, element, "completed", userId);
            await InnerInstanceCompletedAsync(instance, node, element, met.Value);
            return;
        }
        await CloseAsync(instance, element, "completed", userId);
        var scope = Scope(instance, element)!;
        var outgoing = flows ?? node.Outgoing;
        foreach (var flow in outgoing)
        {
            TakeFlow(instance, flow, scope);
        }
        if (outgoing.Count == 0)
        {
            await CheckScopeAsync(instance, scope);
        }
    }

    private async Task<bool> ApplyOutputsAsync(ProcessInstanceState instance, FlowNode node, ElementInstanceState element, IReadOnlyDictionary<string, object?>? variables,
        string? userId)
    {
        var outputs = element.Kind == ElementKind.MultiInstanceBody ? [] : node.Outputs;
        if (outputs.Count == 0)
        {
            foreach (var (key, value) in variables ?? new Dictionary<string, object?>())
            {
                await PropagateAsync(instance, element, key, value, userId);
            }
            return true;
        }
        foreach (var (key, value) in variables ?? new Dictionary<string, object?>())
        {
            element.Variables[key] = value;
        }
        foreach (var output in outputs)
        {
            var (ok, value) = await EvaluateAsync(instance, element, output.Source, OutputMapping);
            if (!ok)
            {
                return false;
            }
            await PropagateAsync(instance, Scope(instance, element)!, output.Target, value, userId);
        }
        return true;
    }

    /// <summary>Ends an element instance (completed or cancelled): its waits are removed and history written.</summary>
    private async Task CloseAsync(ProcessInstanceState instance, ElementInstanceState element, string @event, string? userId = null)
    {
        element.Status = @event == "completed" ? ElementStatus.Completed : ElementStatus.Terminated;
        if (element.Waits.HasFlag(ElementWaits.Jobs))
        {
            foreach (var job in await store.JobsForAsync(element.Id, ct))
            {
                await store.RemoveJobAsync(job.Id, ct);
            }
        }
        if (element.Waits.HasFlag(ElementWaits.Subscriptions))
        {
            foreach (var subscription in await store.SubscriptionsForAsync(element.Id, ct))
            {
                await store.RemoveSubscriptionAsync(subscription.Id, ct);
            }
        }
        if (element.Waits.HasFlag(ElementWaits.Task))
        {
            // A task's id is its element instance's: found among the command's own reads without a query (the removal
            // finds it there in turn). A task created before that rule has an id of its own and is looked up by its
            // element instance. Each removal is announced, with whom the task concerned, for the inboxes that show it.
            var tasks = await store.TaskAsync(element.Id, ct) is { } own
                ? [own]
                : (await store.TasksAsync(instance.Id, ct)).Where(t => t.ElementInstanceId == element.Id).ToList();
            foreach (var task in tasks)
            {
                await store.RemoveTaskAsync(task.Id, ct);
                store.AnnounceTaskChange(TaskChange.Of(@event == "completed" ? TaskChangeKind.Completed : TaskChangeKind.Cancelled, task));
            }
        }
        element.Waits = ElementWaits.None;
        if (element.IncidentId is { } incident)
        {
            await store.RemoveIncidentAsync(incident, ct);
            element.IncidentId = null;
        }
        await HistoryAsync(instance, element, @event, userId);
        if (element.Id != instance.RootId)
        {
            instance.Elements.Remove(element.Id);
        }
    }

    /// <summary>Takes a sequence flow: the target is activated next, or counted at a parallel join.</summary>
    private void TakeFlow(ProcessInstanceState instance, SequenceFlow flow, ElementInstanceState scope)
    {
        var target = flow.Target;
        if (target.Kind == ElementKind.ParallelGateway && target.Incoming.Count > 1)
        {
            scope.JoinTokens[flow.Id] = scope.JoinTokens.GetValueOrDefault(flow.Id) + 1;
            if (!target.Incoming.All(f => scope.JoinTokens.GetValueOrDefault(f.Id) > 0))
            {
                return;
            }
            foreach (var incoming in target.Incoming)
            {
                if (--scope.JoinTokens[incoming.Id] == 0)
                {
                    scope.JoinTokens.Remove(incoming.Id);
                }
            }
        }
        scope.PendingFlows++;
        Enqueue(async () =>
        {
            scope.PendingFlows--;
            if (scope.Status == ElementStatus.Active)
            {
                await ActivateAsync(instance, target, scope);
            }
        });
    }

    /// <summary>Completes a scope whose last path has ended: the process, a subprocess or a multi-instance body's inner instance.</summary>
    private async Task CheckScopeAsync(ProcessInstanceState instance, ElementInstanceState scope)
    {
        if (scope.Status != ElementStatus.Active || scope.PendingFlows > 0 || scope.JoinTokens.Count > 0 || Children(instance, scope).Count > 0)
        {
            return;
        }
        if (scope.Id == instance.RootId)
        {
            await CompleteProcessAsync(instance);
            return;
        }
        await CompleteAsync(instance, scope, null);
    }

    /// <summary>Cancels an element instance and everything inside it; its scope is checked unless the caller goes on in it.</summary>
    private async Task TerminateAsync(ProcessInstanceState instance, ElementInstanceState element)
    {
        foreach (var child in Children(instance, element))
        {
            await TerminateAsync(instance, child);
        }
        if (element.CalledInstanceId is { } calledId)
        {
            var called = await LoadAsync(calledId);
            if (called.Status == InstanceStatus.Active)
            {
                await TerminateAsync(called, called.Root);
                called.Status = InstanceStatus.Terminated;
                called.EndedAt = Now;
                _afterCommit.Add(() => EngineMetrics.InstanceEnded(called.ProcessId, InstanceStatus.Terminated));
            }
        }
        await CloseAsync(instance, element, "cancelled");
    }

    private async Task TerminateScopeAsync(ProcessInstanceState instance, ElementInstanceState endEvent)
    {
        var scope = Scope(instance, endEvent)!;
        foreach (var sibling in Children(instance, scope).Where(e => e.Id != endEvent.Id))
        {
            await TerminateAsync(instance, sibling);
        }
        scope.JoinTokens.Clear();
        await CompleteAsync(instance, endEvent, null);
    }

    private async Task CompleteProcessAsync(ProcessInstanceState instance)
    {
        await CloseAsync(instance, instance.Root, "completed");
        instance.Status = InstanceStatus.Completed;
        instance.EndedAt = Now;
        _afterCommit.Add(() => EngineMetrics.InstanceEnded(instance.ProcessId, InstanceStatus.Completed));
        if (instance.ParentInstanceId is { } parentId && instance.ParentElementInstanceId is { } callId)
        {
            var parent = await LoadAsync(parentId);
            if (parent.Elements.TryGetValue(callId, out var call) && call.Status == ElementStatus.Active)
            {
                await ReturnFromCallAsync(parent, call, instance);
            }
        }
    }

    /// <summary>Removes an incident and runs its element's behaviour again.</summary>
    public async Task RetryAsync(IncidentState incident)
    {
        await store.RemoveIncidentAsync(incident.Id, ct);
        var instance = await LoadAsync(incident.InstanceId);
        if (!instance.Elements.TryGetValue(incident.ElementInstanceId, out var element) || element.Status != ElementStatus.Active)
        {
            return;
        }
        element.IncidentId = null;
        if (element.RetriesLeft is 0)
        {
            element.RetriesLeft = 1;
        }
        var node = element.Id == instance.RootId ? null : Model(instance).Node(element.ElementId);
        if (node is null)
        {
            await CheckScopeAsync(instance, element);
        }
        else if (element.Completing)
        {
            await CompleteAsync(instance, element, null);
        }
        else if (element.Kind == ElementKind.MultiInstanceBody)
        {
            await ActivateMultiInstanceAsync(instance, node, element);
        }
        else
        {
            await BehaveAsync(instance, node, element);
        }
    }
}
