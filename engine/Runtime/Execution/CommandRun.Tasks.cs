using System.Globalization;
using Ctms.Engine.Model;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Tasks;

namespace Ctms.Engine.Runtime.Execution;

internal sealed partial class CommandRun
{
    private async Task CreateUserTaskAsync(ProcessInstanceState instance, UserTaskNode node, ElementInstanceState element)
    {
        var spec = node.Spec;
        var task = new UserTaskState
        {
            // The task is its element instance's: its history (claimed, completed, cancelled) is found by the task's id.
            Id = element.Id,
            InstanceId = instance.Id,
            ElementInstanceId = element.Id,
            ProcessId = instance.ProcessId,
            ElementId = node.Id,
            Name = node.Name,
            FormId = spec.FormId,
            BusinessKey = instance.BusinessKey,
            CreatedAt = Now,
            LoopCounter = element.LoopCounter,
        };
        foreach (var (expression, apply) in new (EngineExpression?, Action<object?>)[]
                 {
                     (spec.Assignee, v => task.Assignee = v?.ToString()),
                     (spec.CandidateGroups, v => task.CandidateGroups = Names(v)),
                     (spec.CandidateUsers, v => task.CandidateUsers = Names(v)),
                     (spec.DueDate, v => task.DueDate = Instant(v)),
                     (spec.FollowUpDate, v => task.FollowUpDate = Instant(v)),
                     (spec.Priority, v => task.Priority = v is null ? 50 : Convert.ToInt32(v is string s ? decimal.Parse(s, CultureInfo.InvariantCulture) : v, CultureInfo.InvariantCulture)),
                 })
        {
            if (expression is null)
            {
                continue;
            }
            var (ok, value) = await EvaluateAsync(instance, element, expression, "task assignment or schedule");
            if (!ok)
            {
                return;
            }
            apply(value);
        }
        element.Waits |= ElementWaits.Task;
        await store.AddTaskAsync(task, ct);
        store.AnnounceTaskChange(TaskChange.Of(TaskChangeKind.Created, task));
    }

    /// <summary>Candidate groups or users: a FEEL list, or a comma-separated static string.</summary>
    private static List<string> Names(object? value) => value switch
    {
        null => [],
        string s => [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        IEnumerable<object?> list => [.. list.Where(v => v is not null).Select(v => v!.ToString()!)],
        _ => [value.ToString()!],
    };

    private static DateTimeOffset? Instant(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        string s when Timers.IsoDate.TryParse(s, out var d) => d,
        _ => null,
    };

    private async Task ExecuteServiceTaskAsync(ProcessInstanceState instance, ServiceTaskNode node, ElementInstanceState element)
    {
        element.RetriesLeft ??= node.Retries;
        var handler = activities.Find(node.TaskType);
        if (handler is null)
        {
            await IncidentAsync(instance, element, IncidentCodes.NoActivity, $"No activity is registered for the task type '{node.TaskType}'.");
            return;
        }
        var context = new ActivityContext(instance.Id, element.Id, instance.ProcessId, node.Id, node.TaskType, instance.BusinessKey,
            new ScopeVariables(instance, element).Flatten(), node.Headers, element.RetriesLeft.Value);
        ActivityResult result;
        try
        {
            result = await handler.ExecuteAsync(context, ct);
        }
        catch (Exception e) when (e is not (OperationCanceledException or ActivityRefusedException))
        {
            await FailServiceTaskAsync(instance, element, e.Message);
            return;
        }
        switch (result)
        {
            case ActivityResult.BpmnError error:
                await ThrowErrorAsync(instance, element, error.Code, error.Message);
                break;
            case ActivityResult.Completed { BusinessKey: { } key } when instance.BusinessKey is not null && instance.BusinessKey != key:
                await IncidentAsync(instance, element, IncidentCodes.BusinessKeyConflict,
                    $"The activity of '{element.ElementId}' gave the business key '{key}', but the instance has the key '{instance.BusinessKey}' already.");
                break;
            case ActivityResult.Completed completed:
                if (completed.BusinessKey is { } businessKey)
                {
                    instance.BusinessKey = businessKey;
                }
                await CompleteAsync(instance, element, completed.Outputs);
                foreach (var message in completed.Messages)
                {
                    Enqueue(() => PublishAsync(message.Name, message.CorrelationKey, message.Variables, options.DefaultMessageTimeToLive ?? TimeSpan.Zero,
                        keepUntilDisposed: false, messageId: null));
                }
                break;
        }
    }

    /// <summary>A technical failure: try again after the backoff while retries last, then raise an incident.</summary>
    private async Task FailServiceTaskAsync(ProcessInstanceState instance, ElementInstanceState element, string reason)
    {
        element.RetriesLeft = Math.Max(0, (element.RetriesLeft ?? 1) - 1);
        if (element.RetriesLeft > 0)
        {
            await ScheduleJobAsync(instance, element, JobKind.Retry, Now + options.RetryBackoff);
            return;
        }
        await IncidentAsync(instance, element, IncidentCodes.JobFailed, $"The activity of '{element.ElementId}' failed and has no retries left: {reason}");
    }

    private async Task ChooseFlowAsync(ProcessInstanceState instance, GatewayNode gateway, ElementInstanceState element)
    {
        if (gateway.Outgoing.Count == 0)
        {
            await CompleteAsync(instance, element, null, []);
            return;
        }
        foreach (var flow in gateway.Outgoing.Where(f => f.Condition is not null))
        {
            var (ok, value) = await EvaluateAsync(instance, element, flow.Condition!, $"condition of flow '{flow.Id}'");
            if (!ok)
            {
                return;
            }
            if (value is not bool taken)
            {
                await IncidentAsync(instance, element, IncidentCodes.ConditionNotBoolean,
                    $"The condition '{flow.Condition!.Raw.Trim()}' of flow '{flow.Id}' gave {Describe(value)}, not true or false.");
                return;
            }
            if (taken)
            {
                await CompleteAsync(instance, element, null, [flow]);
                return;
            }
        }
        if (gateway.DefaultFlow is not null || gateway.Outgoing.Count == 1 && gateway.Outgoing[0].Condition is null)
        {
            await CompleteAsync(instance, element, null, [gateway.DefaultFlow ?? gateway.Outgoing[0]]);
            return;
        }
        await IncidentAsync(instance, element, IncidentCodes.NoFlowMatched,
            $"No condition of the exclusive gateway '{gateway.Id}' was true and it has no default flow.");
    }

    private static string Describe(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";
}
