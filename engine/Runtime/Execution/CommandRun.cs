using Ctms.Engine.Diagnostics;
using Ctms.Engine.Feel;
using Ctms.Engine.Model;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;

namespace Ctms.Engine.Runtime.Execution;

/// <summary>
/// One command of the engine: it runs every affected process instance from its trigger until each path reaches a
/// wait state, working through an agenda (so parallel branches run one after another), then saves what changed.
/// The flow semantics live in the partial files beside this one.
/// </summary>
internal sealed partial class CommandRun(IEngineStore store, IActivityRegistry activities, TimeProvider clock, EngineOptions options, CancellationToken ct)
{
    // What is evaluated while an element completes. An incident raised by one of these leaves the element active, and
    // retrying it completes the element again (its behaviour, such as a user task or a called process, is not run twice).
    private const string OutputMapping = "output mapping";
    private const string OutputElement = "output element";
    private const string CompletionCondition = "completion condition";

    private readonly Queue<Func<Task>> _agenda = new();
    private readonly Dictionary<Guid, ProcessInstanceState> _instances = [];
    private readonly Dictionary<Guid, ProcessModel> _models = [];

    // Metrics to record once the command's changes are saved (a command that lost a race records nothing).
    private readonly List<Action> _afterCommit = [];
    private int _activations;

    public IEngineStore Store => store;

    public DateTimeOffset Now => clock.GetUtcNow();

    private FeelContext Feel => new() { Clock = clock };

    public void Enqueue(Func<Task> operation) => _agenda.Enqueue(operation);

    /// <summary>Works the agenda to the end, then saves every instance the command touched and commits.</summary>
    public async Task FinishAsync()
    {
        while (_agenda.TryDequeue(out var operation))
        {
            await operation();
        }
        foreach (var instance in _instances.Values)
        {
            instance.Revision++;
            await store.SaveInstanceAsync(instance, ct);
        }
        await store.CommitAsync(ct);
        foreach (var record in _afterCommit)
        {
            record();
        }
    }

    public async Task<ProcessInstanceState> LoadAsync(Guid id)
    {
        if (_instances.TryGetValue(id, out var loaded))
        {
            return loaded;
        }
        var instance = await store.InstanceAsync(id, ct) ?? throw new EngineException(EngineException.NotFound, $"Process instance {id} was not found.");
        await ModelAsync(instance);
        _instances[id] = instance;
        return instance;
    }

    public async Task<ProcessModel> ModelAsync(ProcessInstanceState instance)
    {
        if (_models.TryGetValue(instance.Id, out var model))
        {
            return model;
        }
        var definition = await store.DefinitionAsync(instance.ProcessId, instance.DefinitionVersion, instance.DefinitionHash, ct)
                         ?? throw new EngineException(EngineException.NotFound, $"Definition {instance.ProcessId}:{instance.DefinitionVersion} was not found.");
        _models[instance.Id] = definition.Model;
        return definition.Model;
    }

    private ProcessModel Model(ProcessInstanceState instance) => _models[instance.Id];

    private void Track(ProcessInstanceState instance, ProcessModel model)
    {
        _instances[instance.Id] = instance;
        _models[instance.Id] = model;
    }

    private static ElementInstanceState? Scope(ProcessInstanceState instance, ElementInstanceState element) =>
        element.ScopeId is { } id ? instance.Elements.GetValueOrDefault(id) : null;

    private static List<ElementInstanceState> Children(ProcessInstanceState instance, ElementInstanceState scope) =>
        instance.Elements.Values.Where(e => e.ScopeId == scope.Id && e.Status == ElementStatus.Active).ToList();

    private Task HistoryAsync(ProcessInstanceState instance, ElementInstanceState element, string @event, string? userId = null, string? detail = null) =>
        store.AppendHistoryAsync(new HistoryEvent(0, instance.Id, element.Id, element.ElementId, element.Kind, @event, Now, userId, detail), ct);

    /// <summary>The history of a variable change: which scope, which variable, the new value (clipped), by whom.</summary>
    private Task VariableHistoryAsync(ProcessInstanceState instance, ElementInstanceState scope, string name, object? value, string? userId = null) =>
        store.AppendHistoryAsync(new HistoryEvent(0, instance.Id, scope.Id, scope.ElementId, HistoryEvents.Variable, HistoryEvents.Variable, Now, userId,
            HistoryEvents.VariableDetail(name, value)), ct);

    /// <summary>Evaluates a model expression; a failure becomes an incident on the element and null comes back.</summary>
    private async Task<(bool Ok, object? Value)> EvaluateAsync(ProcessInstanceState instance, ElementInstanceState element, EngineExpression expression,
        string what, IReadOnlyDictionary<string, object?>? extra = null)
    {
        try
        {
            return (true, expression.Evaluate(new ScopeVariables(instance, element, extra), Feel));
        }
        catch (FeelEvaluationException e)
        {
            await IncidentAsync(instance, element, IncidentCodes.ExpressionFailed, $"The {what} '{expression.Raw.Trim()}' of '{element.ElementId}' failed: {e.Message}");
            return (false, null);
        }
    }

    /// <summary>A retry or continuation of an element: a job the executor runs when due, removed if the element ends first.</summary>
    private Task ScheduleJobAsync(ProcessInstanceState instance, ElementInstanceState element, JobKind kind, DateTimeOffset dueAt)
    {
        element.Waits |= ElementWaits.Jobs;
        return store.AddJobAsync(new JobState
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            InstanceId = instance.Id,
            ElementInstanceId = element.Id,
            DueAt = dueAt,
        }, ct);
    }

    public async Task IncidentAsync(ProcessInstanceState instance, ElementInstanceState element, string code, string message)
    {
        var incident = new IncidentState
        {
            Id = Guid.CreateVersion7(),
            InstanceId = instance.Id,
            ElementInstanceId = element.Id,
            ElementId = element.ElementId,
            Code = code,
            Message = message,
            CreatedAt = Now,
        };
        element.IncidentId = incident.Id;
        _afterCommit.Add(() => EngineMetrics.IncidentRaised(code));
        await store.AddIncidentAsync(incident, ct);
    }

    /// <summary>Writes a variable into the nearest scope (from <paramref name="from"/> up) that has it, else into the process scope.</summary>
    private Task PropagateAsync(ProcessInstanceState instance, ElementInstanceState from, string target, object? value, string? userId)
    {
        var name = target.Split('.')[0];
        var scope = from;
        while (scope is not null && !scope.Variables.ContainsKey(name))
        {
            scope = Scope(instance, scope);
        }
        scope ??= instance.Root;
        SetPath(scope.Variables, target, value);
        return VariableHistoryAsync(instance, scope, name, scope.Variables[name], userId);
    }

    /// <summary>Sets <c>a</c> or <c>a.b.c</c>, creating the contexts on the way.</summary>
    internal static void SetPath(Dictionary<string, object?> variables, string target, object? value)
    {
        var parts = target.Split('.');
        if (parts.Length == 1)
        {
            variables[target] = value;
            return;
        }
        var context = variables.TryGetValue(parts[0], out var existing) && existing is IReadOnlyDictionary<string, object?> current
            ? new Dictionary<string, object?>(current, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        SetPath(context, string.Join('.', parts[1..]), value);
        variables[parts[0]] = context;
    }

    private bool Budget()
    {
        _activations++;
        return _activations <= options.MaxActivationsPerCommand;
    }
}
