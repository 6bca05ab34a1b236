using Ctms.Engine.Model;
using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Runtime.Execution;

internal sealed partial class CommandRun
{
    private async Task EnterSubProcessAsync(ProcessInstanceState instance, SubProcessNode node, ElementInstanceState element)
    {
        if (node.NoneStartEvent is null)
        {
            await CompleteAsync(instance, element, null);
            return;
        }
        await ActivateAsync(instance, node.NoneStartEvent, element);
    }

    private async Task ActivateMultiInstanceAsync(ProcessInstanceState instance, FlowNode node, ElementInstanceState body)
    {
        var spec = node.MultiInstance!;
        var (ok, collection) = await EvaluateAsync(instance, body, spec.InputCollection, "input collection");
        if (!ok)
        {
            return;
        }
        if (collection is not IReadOnlyList<object?> items)
        {
            await IncidentAsync(instance, body, IncidentCodes.InvalidCollection,
                $"The input collection '{spec.InputCollection.Raw.Trim()}' of '{node.Id}' gave {Describe(collection)}, not a list.");
            return;
        }
        body.LoopItems = [.. items];
        if (spec.OutputCollection is not null)
        {
            body.Variables[spec.OutputCollection] = Enumerable.Repeat<object?>(null, items.Count).ToList();
        }
        if (items.Count == 0)
        {
            await CompleteBodyAsync(instance, node, body);
            return;
        }
        var count = spec.IsSequential ? 1 : items.Count;
        for (var i = 1; i <= count; i++)
        {
            await ActivateInnerAsync(instance, node, body, i);
        }
    }

    private Task ActivateInnerAsync(ProcessInstanceState instance, FlowNode node, ElementInstanceState body, int loopCounter)
    {
        var locals = new Dictionary<string, object?>(StringComparer.Ordinal) { ["loopCounter"] = (decimal)loopCounter };
        if (node.MultiInstance!.InputElement is { } name)
        {
            locals[name] = body.LoopItems![loopCounter - 1];
        }
        return ActivateAsync(instance, node, body, loopCounter, locals);
    }

    /// <summary>
    /// An inner instance is completing (it is still active, so a failure leaves it waiting with an incident): its output
    /// element goes into the output collection at its position and the completion condition is evaluated. Returns
    /// whether the condition is met, or null after an incident.
    /// </summary>
    private async Task<bool?> InnerInstanceCompletingAsync(ProcessInstanceState instance, FlowNode node, ElementInstanceState inner)
    {
        var spec = node.MultiInstance!;
        var body = Scope(instance, inner)!;
        if (spec.OutputCollection is not null && spec.OutputElement is not null)
        {
            var (ok, value) = await EvaluateAsync(instance, inner, spec.OutputElement, OutputElement);
            if (!ok)
            {
                return null;
            }
            var outputs = (List<object?>)body.Variables[spec.OutputCollection]!;
            outputs[inner.LoopCounter!.Value - 1] = value;
        }
        if (spec.CompletionCondition is null)
        {
            return false;
        }
        var total = body.LoopItems!.Count;
        var completed = body.CompletedInstances + 1;
        var active = Children(instance, body).Count(e => e.Id != inner.Id);
        var counters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["nrOfInstances"] = (decimal)total,
            ["nrOfCompletedInstances"] = (decimal)completed,
            ["nrOfActiveInstances"] = (decimal)active,
            ["numberOfInstances"] = (decimal)total,
            ["numberOfCompletedInstances"] = (decimal)completed,
            ["numberOfActiveInstances"] = (decimal)active,
        };
        var (evaluated, met) = await EvaluateAsync(instance, inner, spec.CompletionCondition, CompletionCondition, counters);
        if (!evaluated)
        {
            return null;
        }
        if (met is not bool done)
        {
            await IncidentAsync(instance, inner, IncidentCodes.ConditionNotBoolean,
                $"The {CompletionCondition} '{spec.CompletionCondition.Raw.Trim()}' of '{node.Id}' gave {Describe(met)}, not true or false.");
            return null;
        }
        return done;
    }

    /// <summary>An inner instance ended: the body goes on (next instance), completes, or cancels the instances still open.</summary>
    private async Task InnerInstanceCompletedAsync(ProcessInstanceState instance, FlowNode node, ElementInstanceState inner, bool conditionMet)
    {
        var body = Scope(instance, inner)!;
        body.CompletedInstances++;
        if (conditionMet)
        {
            foreach (var open in Children(instance, body))
            {
                await TerminateAsync(instance, open);
            }
            await CompleteBodyAsync(instance, node, body);
            return;
        }
        if (node.MultiInstance!.IsSequential && inner.LoopCounter < body.LoopItems!.Count)
        {
            await ActivateInnerAsync(instance, node, body, inner.LoopCounter!.Value + 1);
            return;
        }
        if (Children(instance, body).Count == 0)
        {
            await CompleteBodyAsync(instance, node, body);
        }
    }

    private Task CompleteBodyAsync(ProcessInstanceState instance, FlowNode node, ElementInstanceState body)
    {
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (node.MultiInstance!.OutputCollection is { } name && body.Variables.Remove(name, out var collection))
        {
            outputs[name] = collection;
        }
        return CompleteAsync(instance, body, outputs);
    }

    private async Task CallAsync(ProcessInstanceState instance, CallActivityNode node, ElementInstanceState element)
    {
        var (ok, processId) = await EvaluateAsync(instance, element, node.ProcessId, "called process id");
        if (!ok)
        {
            return;
        }
        var definition = processId is string id ? await store.LatestDefinitionAsync(id, ct) : null;
        if (definition is null)
        {
            await IncidentAsync(instance, element, IncidentCodes.CalledProcessMissing, $"The called process '{processId}' of '{node.Id}' is not deployed.");
            return;
        }
        var depth = 0;
        for (var parent = instance; parent.ParentInstanceId is { } parentId; parent = await LoadAsync(parentId))
        {
            depth++;
        }
        if (depth >= options.MaxCallDepth)
        {
            await IncidentAsync(instance, element, IncidentCodes.CallTooDeep, $"Call activities are nested {depth} deep at '{node.Id}': a process calling itself?");
            return;
        }
        var variables = node.PropagateAllParentVariables ? new ScopeVariables(instance, element).Flatten() : new Dictionary<string, object?>(element.Variables);
        var child = StartInstance(definition, variables, null, null, instance, element);
        element.CalledInstanceId = child.Id;
    }

    private Task ReturnFromCallAsync(ProcessInstanceState parent, ElementInstanceState call, ProcessInstanceState child)
    {
        var node = (CallActivityNode)Model(parent).Node(call.ElementId);
        call.CalledInstanceId = null;
        var variables = node.PropagateAllChildVariables || node.Outputs.Count > 0 ? child.Root.Variables : null;
        return CompleteAsync(parent, call, variables);
    }
}
