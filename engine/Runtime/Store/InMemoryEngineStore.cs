using Ctms.Engine.Runtime.Definitions;
using Ctms.Engine.Runtime.Instances;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Tasks;

namespace Ctms.Engine.Runtime.Store;

/// <summary>
/// The engine's state in memory: for simulation and the engine's own tests. Not thread-safe: one command at a time.
/// </summary>
public sealed class InMemoryEngineStore : IEngineStore
{
    private readonly List<DeployedProcess> _definitions = [];
    private readonly Dictionary<Guid, ProcessInstanceState> _instances = [];
    private readonly Dictionary<Guid, UserTaskState> _tasks = [];
    private readonly Dictionary<Guid, JobState> _jobs = [];
    private readonly Dictionary<Guid, MessageSubscriptionState> _subscriptions = [];
    private readonly List<BufferedMessage> _buffer = [];
    private readonly Dictionary<string, DateTimeOffset> _messageIds = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, IncidentState> _incidents = [];
    private readonly List<HistoryEvent> _history = [];

    public Task<DeployedProcess?> LatestDefinitionAsync(string processId, CancellationToken ct) =>
        Task.FromResult(_definitions.Where(d => d.ProcessId == processId).MaxBy(d => d.Version));

    public Task<DeployedProcess?> DefinitionAsync(string processId, int version, CancellationToken ct) =>
        Task.FromResult(_definitions.FirstOrDefault(d => d.ProcessId == processId && d.Version == version));

    public Task<IReadOnlyList<DeployedProcess>> DefinitionsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<DeployedProcess>>([.. _definitions]);

    public Task AddDefinitionAsync(DeployedProcess definition, CancellationToken ct) => Do(() => _definitions.Add(definition));

    public Task<IReadOnlyList<RunningInstanceCount>> RunningInstanceCountsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RunningInstanceCount>>([.. _instances.Values.AsQueryable().RunningCounts()]);

    public Task<ProcessInstanceState?> InstanceAsync(Guid id, CancellationToken ct) => Task.FromResult(_instances.GetValueOrDefault(id));

    public Task SaveInstanceAsync(ProcessInstanceState instance, CancellationToken ct) => Do(() => _instances[instance.Id] = instance);

    public Task<UserTaskState?> TaskAsync(Guid id, CancellationToken ct) => Task.FromResult(_tasks.GetValueOrDefault(id));

    public Task<IReadOnlyList<UserTaskState>> TasksAsync(Guid? instanceId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<UserTaskState>>([.. _tasks.Values.Where(t => instanceId is null || t.InstanceId == instanceId)]);

    public Task AddTaskAsync(UserTaskState task, CancellationToken ct) => Do(() => _tasks[task.Id] = task);

    public Task<bool> RemoveTaskAsync(Guid id, CancellationToken ct) => Task.FromResult(_tasks.Remove(id));

    public Task SaveTaskAsync(UserTaskState task, CancellationToken ct)
    {
        // As in the database: a task completed (removed) since it was read is not brought back.
        if (!_tasks.ContainsKey(task.Id))
        {
            throw new EngineException(EngineException.Conflict, $"Task {task.Id} is no longer open.");
        }
        task.Revision++;
        _tasks[task.Id] = task;
        return Task.CompletedTask;
    }

    public Task<TaskPage> QueryTasksAsync(TaskQuery query, CancellationToken ct) =>
        _tasks.Values.AsQueryable().PageAsync(query, nullsSortLast: false, keysFirst: false, q => Task.FromResult(q.ToList()), q => Task.FromResult(q.Count()));

    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken ct)
    {
        var headers = _instances.Values.Select(i => new InstanceHeader
        {
            Id = i.Id, ProcessId = i.ProcessId, Version = i.DefinitionVersion, BusinessKey = i.BusinessKey, Status = i.Status.ToString(),
            StartedAt = i.StartedAt, EndedAt = i.EndedAt, ParentInstanceId = i.ParentInstanceId,
        }).ToList();
        return InstanceQueries.PageAsync(headers.Where(h => h.Status == nameof(InstanceStatus.Active)).AsQueryable(),
            headers.Where(h => h.Status != nameof(InstanceStatus.Active)).AsQueryable(), _incidents.Values.AsQueryable(), query, new MemoryQueries());
    }

    private sealed class MemoryQueries : IQueryRunner
    {
        public Task<List<T>> ListAsync<T>(IQueryable<T> query) => Task.FromResult(query.ToList());

        public Task<int> CountAsync<T>(IQueryable<T> query) => Task.FromResult(query.Count());
    }

    public Task AddJobAsync(JobState job, CancellationToken ct) => Do(() => _jobs[job.Id] = job);

    public Task<bool> RemoveJobAsync(Guid id, CancellationToken ct) => Task.FromResult(_jobs.Remove(id));

    public Task<IReadOnlyList<JobState>> JobsForAsync(Guid elementInstanceId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<JobState>>([.. _jobs.Values.Where(j => j.ElementInstanceId == elementInstanceId)]);

    public Task<IReadOnlyList<JobState>> DueJobsAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<JobState>>([.. _jobs.Values.Where(j => j.DueAt <= now).OrderBy(j => j.DueAt).Take(max)]);

    public Task<DateTimeOffset?> NextJobDueAsync(CancellationToken ct) =>
        Task.FromResult(_jobs.Count == 0 ? (DateTimeOffset?)null : _jobs.Values.Min(j => j.DueAt));

    public Task AddSubscriptionAsync(MessageSubscriptionState subscription, CancellationToken ct) => Do(() => _subscriptions[subscription.Id] = subscription);

    public Task RemoveSubscriptionAsync(Guid id, CancellationToken ct) => Do(() => _subscriptions.Remove(id));

    public Task<IReadOnlyList<MessageSubscriptionState>> SubscriptionsAsync(string messageName, string correlationKey, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MessageSubscriptionState>>(
            [.. _subscriptions.Values.Where(s => s.MessageName == messageName && s.CorrelationKey == correlationKey)]);

    public Task<IReadOnlyList<MessageSubscriptionState>> SubscriptionsForAsync(Guid elementInstanceId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MessageSubscriptionState>>([.. _subscriptions.Values.Where(s => s.ElementInstanceId == elementInstanceId)]);

    public Task BufferMessageAsync(BufferedMessage message, CancellationToken ct) => Do(() => _buffer.Add(message));

    public Task<BufferedMessage?> TakeBufferedMessageAsync(string name, string correlationKey, DateTimeOffset now, CancellationToken ct)
    {
        _buffer.RemoveAll(m => m.ExpiresAt <= now);
        var message = _buffer.FirstOrDefault(m => m.Name == name && m.CorrelationKey == correlationKey);
        if (message is not null)
        {
            _buffer.Remove(message);
        }
        return Task.FromResult(message);
    }

    public Task<bool> RememberMessageIdAsync(string messageId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct)
    {
        if (_messageIds.TryGetValue(messageId, out var until) && until > now)
        {
            return Task.FromResult(false);
        }
        _messageIds[messageId] = expiresAt;
        return Task.FromResult(true);
    }

    public Task AddIncidentAsync(IncidentState incident, CancellationToken ct) => Do(() => _incidents[incident.Id] = incident);

    public Task RemoveIncidentAsync(Guid id, CancellationToken ct) => Do(() => _incidents.Remove(id));

    public Task<IReadOnlyList<IncidentState>> IncidentsAsync(Guid? instanceId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IncidentState>>([.. _incidents.Values.Where(i => instanceId is null || i.InstanceId == instanceId).OrderBy(i => i.CreatedAt)]);

    public Task AppendHistoryAsync(HistoryEvent history, CancellationToken ct) => Do(() => _history.Add(history));

    public Task<IReadOnlyList<HistoryEvent>> ElementHistoryAsync(Guid elementInstanceId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<HistoryEvent>>([.. _history.Where(h => h.ElementInstanceId == elementInstanceId)]);

    public Task<IReadOnlyList<HistoryEvent>> HistoryAsync(Guid? instanceId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<HistoryEvent>>([.. _history.Where(h => instanceId is null || h.InstanceId == instanceId)]);

    public Task CommitAsync(CancellationToken ct) => Task.CompletedTask;

    private static Task Do(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}
