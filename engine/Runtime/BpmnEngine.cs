using System.Security.Cryptography;
using System.Text;
using Ctms.Engine.Diagnostics;
using Ctms.Engine.Model;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.Execution;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;

namespace Ctms.Engine.Runtime;

/// <summary>
/// The engine's commands: deploy, start, complete a task, correlate a message, broadcast a signal, run due jobs, retry an incident.
/// Each runs until every affected path waits, then saves through the store in one unit of work.
/// </summary>
public sealed class BpmnEngine(Func<IEngineStore> stores, IActivityRegistry activities, TimeProvider clock, EngineOptions? options = null)
{
    private readonly EngineOptions _options = options ?? new EngineOptions();

    /// <summary>An engine over one store that serves every command (in memory, or one per request scope).</summary>
    public BpmnEngine(IEngineStore store, IActivityRegistry activities, TimeProvider clock, EngineOptions? options = null)
        : this(() => store, activities, clock, options)
    {
    }

    /// <summary>A store for reading; each command takes its own from the factory.</summary>
    public IEngineStore Store => stores();

    /// <summary>Deploys the executable processes of a file; a process whose XML is unchanged keeps its version.</summary>
    public async Task<IReadOnlyList<DeployedProcess>> DeployAsync(string resourceName, string xml, CancellationToken ct = default)
    {
        return await TracedAsync("deploy", resourceName, async () =>
        {
            var store = stores();
            var definitions = await Definitions.DefinitionCatalog.CheckAsync(store, activities, xml, ct);
            var deployed = new List<DeployedProcess>();
            foreach (var process in definitions.Executable)
            {
                var forms = await BoundFormsAsync(store, process, ct);
                var hash = Identity(xml, forms);
                var latest = await store.LatestDefinitionAsync(process.Id, ct);
                if (latest is not null && latest.Hash == hash)
                {
                    deployed.Add(latest);
                    continue;
                }
                var version = new DeployedProcess(process.Id, (latest?.Version ?? 0) + 1, process.Name, process, resourceName, xml, hash, clock.GetUtcNow(),
                    forms.Count == 0 ? null : forms.ToDictionary(f => f.FormId, f => f.Version, StringComparer.Ordinal));
                await store.AddDefinitionAsync(version, ct);
                deployed.Add(version);
            }
            await store.CommitAsync(ct);
            return deployed;
        });
    }

    /// <summary>The latest deployed version of every form the process's user tasks name (a form not deployed yet is not bound).</summary>
    private static async Task<List<Forms.DeployedForm>> BoundFormsAsync(IEngineStore store, ProcessModel process, CancellationToken ct)
    {
        var forms = new List<Forms.DeployedForm>();
        foreach (var formId in process.AllNodes.Values.OfType<UserTaskNode>().Select(t => t.Spec.FormId).OfType<string>().Distinct(StringComparer.Ordinal)
                     .Order(StringComparer.Ordinal))
        {
            if (await store.FormAsync(formId, null, ct) is { } form)
            {
                forms.Add(form);
            }
        }
        return forms;
    }

    /// <summary>
    /// A version's identity: the hash of its XML and, when its tasks are bound to forms, of each bound form's id and hash.
    /// A task shows the form version bound to its definition version, so a changed form must make a new definition
    /// version even when the XML did not change: otherwise new instances would keep showing the old form, and the only
    /// way to reach the new one would be an artificial edit of the XML. Without bound forms the hash is the XML's alone,
    /// as before forms were bound, so existing versions keep their identity.
    /// </summary>
    private static string Identity(string xml, List<Forms.DeployedForm> forms)
    {
        var content = forms.Count == 0 ? xml : xml + string.Concat(forms.Select(f => $"\nform:{f.FormId}:{f.Hash}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>Starts the latest (or the given) version of a process at its none start event.</summary>
    public async Task<ProcessInstanceState> StartAsync(string processId, IReadOnlyDictionary<string, object?>? variables = null, string? businessKey = null,
        int? version = null, CancellationToken ct = default)
    {
        return await TracedAsync("start", processId, async () =>
        {
            var store = stores();
            var definition = (version is null ? await store.LatestDefinitionAsync(processId, ct) : await store.DefinitionAsync(processId, version.Value, ct))
                             ?? throw new EngineException(EngineException.NotFound, $"Process '{processId}'{(version is null ? "" : $" version {version}")} is not deployed.");
            var run = Run(store, ct);
            var instance = run.StartInstance(definition, variables ?? new Dictionary<string, object?>(), businessKey);
            await run.FinishAsync();
            return instance;
        });
    }

    /// <summary>Completes an open user task with the variables of its form.</summary>
    public async Task CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, object?>? variables = null, string? userId = null, CancellationToken ct = default)
    {
        await TracedAsync("complete-task", taskId.ToString(), async () =>
        {
            var store = stores();
            var task = await store.TaskAsync(taskId, ct) ?? throw await Tasks.TaskService.NotOpenAsync(store, taskId, ct);
            var run = Run(store, ct);
            var instance = await run.LoadAsync(task.InstanceId);
            if (!instance.Elements.TryGetValue(task.ElementInstanceId, out var element) || element.Status != ElementStatus.Active)
            {
                throw new EngineException(EngineException.Conflict, $"Task {taskId} is no longer active.");
            }
            await run.CompleteAsync(instance, element, variables, userId: userId);
            await run.FinishAsync();
            return true;
        });
    }

    /// <summary>
    /// Publishes a message: it reaches every instance waiting for it with that key (one subscription each), starts
    /// the processes that begin with it, or waits in the buffer for its time to live. A repeated message id is dropped.
    /// </summary>
    public async Task<CorrelationResult> CorrelateAsync(string name, string correlationKey, IReadOnlyDictionary<string, object?>? variables = null,
        string? messageId = null, TimeSpan? timeToLive = null, bool keepUntilDisposed = false, CancellationToken ct = default)
    {
        if (name.StartsWith(SignalTrigger.SubscriptionPrefix, StringComparison.Ordinal))
        {
            throw new EngineException(EngineException.Invalid, $"A message name may not begin with '{SignalTrigger.SubscriptionPrefix}': that prefix is kept for signals.");
        }
        return await TracedAsync("correlate", name, async () =>
        {
            var store = stores();
            var now = clock.GetUtcNow();
            var ttl = timeToLive ?? _options.DefaultMessageTimeToLive ?? TimeSpan.Zero;
            if (messageId is not null && !await store.RememberMessageIdAsync(messageId, now, now + (ttl > TimeSpan.Zero ? ttl : TimeSpan.FromHours(1)), ct))
            {
                return new CorrelationResult(0, [], false, Duplicate: true);
            }
            var run = Run(store, ct);
            var result = await run.PublishAsync(name, correlationKey, variables ?? new Dictionary<string, object?>(), ttl, keepUntilDisposed, messageId,
                timeToLive);
            await run.FinishAsync();
            return result;
        });
    }

    /// <summary>
    /// Broadcasts a BPMN signal, as an intermediate throw or end event does, in one command. Signals are scoped to the
    /// business key: the signal reaches every element waiting for it (intermediate catch events, boundary events on
    /// running activities; every one of them, not one per instance) in every running instance whose business key is
    /// <paramref name="businessKey"/>, called instances included (they inherit their caller's key). With a null key it
    /// reaches the instances that have none. Signals are not buffered: when nothing waits, nothing happens. Signal
    /// start events are refused at deploy, so a broadcast never starts a process.
    /// </summary>
    /// <param name="name">The signal's name (the <c>name</c> of the <c>bpmn:signal</c> the catch events reference).</param>
    /// <param name="businessKey">The instances' business key (a project's id in Ctms), or null for instances without one.</param>
    /// <param name="variables">Handed to each catching event, like a message's (its output mappings apply).</param>
    /// <param name="ct">Cancels the command (nothing is saved).</param>
    /// <returns>How many waiting elements the signal reached.</returns>
    public async Task<int> BroadcastSignalAsync(string name, string? businessKey, IReadOnlyDictionary<string, object?>? variables = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > SignalTrigger.MaxNameLength)
        {
            throw new EngineException(EngineException.Invalid, $"A signal needs a name of 1 to {SignalTrigger.MaxNameLength} characters.");
        }
        return await TracedAsync("signal", name, async () =>
        {
            var run = Run(stores(), ct);
            var reached = await run.BroadcastAsync(name.Trim(), string.IsNullOrEmpty(businessKey) ? null : businessKey, variables ?? new Dictionary<string, object?>());
            await run.FinishAsync();
            return reached;
        });
    }

    /// <summary>Fires the timers and retries that are due by the clock, each in a command of its own; returns how many ran.</summary>
    public async Task<int> RunDueJobsAsync(int max = 100, CancellationToken ct = default)
    {
        var ran = 0;
        foreach (var job in await stores().DueJobsAsync(clock.GetUtcNow(), max, ct))
        {
            // Each job is a command of its own: a fresh store, so one failing job does not take the others with it.
            var run = Run(stores(), ct);
            await run.FireJobAsync(job);
            await run.FinishAsync();
            ran++;
        }
        return ran;
    }

    /// <summary>Fires one job (leased by the host's job executor) as a command of its own.</summary>
    public async Task RunJobAsync(JobState job, CancellationToken ct = default)
    {
        await TracedAsync("job", job.Kind.ToString(), async () =>
        {
            var run = Run(stores(), ct);
            await run.FireJobAsync(job);
            await run.FinishAsync();
            return true;
        });
    }

    /// <summary>Tries the element of an incident again (after the cause was fixed): a service task gets one more attempt.</summary>
    public async Task RetryIncidentAsync(Guid incidentId, CancellationToken ct = default)
    {
        await TracedAsync("retry-incident", incidentId.ToString(), async () =>
        {
            var store = stores();
            var incident = await store.IncidentAsync(incidentId, ct)
                           ?? throw new EngineException(EngineException.NotFound, $"Incident {incidentId} is not open.");
            var run = Run(store, ct);
            await run.RetryAsync(incident);
            await run.FinishAsync();
            return true;
        });
    }

    /// <summary>A command inside its span (<see cref="EngineMetrics.Source"/>) with its duration recorded.</summary>
    private static async Task<T> TracedAsync<T>(string command, string? subject, Func<Task<T>> body)
    {
        using var scope = EngineMetrics.Command(command, subject);
        try
        {
            return await body();
        }
        catch (Exception e)
        {
            scope.Fail(e);
            throw;
        }
    }

    private CommandRun Run(IEngineStore store, CancellationToken ct) => new(store, activities, clock, _options, ct);
}
