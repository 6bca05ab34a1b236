using Ctms.Engine.Runtime.Definitions;
using Ctms.Engine.Runtime.Instances;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Tasks;

namespace Ctms.Engine.Runtime.Store;

/// <summary>
/// Where the engine keeps its state: in memory for simulation and tests, in the database for the host. One store
/// instance serves one command (one unit of work); <see cref="CommitAsync"/> makes the command's changes durable.
/// </summary>
public interface IEngineStore
{
    Task<DeployedProcess?> LatestDefinitionAsync(string processId, CancellationToken ct);
    Task<DeployedProcess?> DefinitionAsync(string processId, int version, CancellationToken ct);

    /// <summary>A version whose content hash is known (an instance keeps it): a store with a cache need not ask the database.</summary>
    Task<DeployedProcess?> DefinitionAsync(string processId, int version, string? hash, CancellationToken ct) => DefinitionAsync(processId, version, ct);
    Task<IReadOnlyList<DeployedProcess>> DefinitionsAsync(CancellationToken ct);

    /// <summary>The latest version of every deployed process (message start events, the call-graph check at deploy).</summary>
    async Task<IReadOnlyList<DeployedProcess>> LatestDefinitionsAsync(CancellationToken ct) =>
        [.. (await DefinitionsAsync(ct)).GroupBy(d => d.ProcessId).Select(g => g.MaxBy(d => d.Version)!)];
    Task AddDefinitionAsync(DeployedProcess definition, CancellationToken ct);

    /// <summary>How many instances of each process version are running; versions with none are left out.</summary>
    Task<IReadOnlyList<RunningInstanceCount>> RunningInstanceCountsAsync(CancellationToken ct);

    /// <summary>
    /// A deployed task form: the given version, or the latest when <paramref name="version"/> is null. A store that
    /// keeps no forms (the in-memory one) has none: its tasks show no form and their data is not checked against one.
    /// </summary>
    Task<Forms.DeployedForm?> FormAsync(string formId, int? version, CancellationToken ct) => Task.FromResult<Forms.DeployedForm?>(null);

    /// <summary>Whether this store keeps forms: where it does, a task whose form is missing is not completed unchecked.</summary>
    bool KeepsForms => false;

    Task<ProcessInstanceState?> InstanceAsync(Guid id, CancellationToken ct);
    Task SaveInstanceAsync(ProcessInstanceState instance, CancellationToken ct);

    Task<UserTaskState?> TaskAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<UserTaskState>> TasksAsync(Guid? instanceId, CancellationToken ct);
    Task AddTaskAsync(UserTaskState task, CancellationToken ct);
    /// <summary>Removes an open task; false when it was not there.</summary>
    Task<bool> RemoveTaskAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Saves a changed open task (its assignee, a delegation) and bumps its <see cref="UserTaskState.Revision"/>: the
    /// commit fails with a conflict when another command changed or removed the task since this one read it.
    /// </summary>
    Task SaveTaskAsync(UserTaskState task, CancellationToken ct);

    /// <summary>
    /// Records a change of an open task, to be announced on the <see cref="TaskChangeFeed"/> once the command's changes
    /// are committed, and never when they are not. A store without a feed (in memory, simulation) ignores it.
    /// </summary>
    void AnnounceTaskChange(TaskChange change)
    {
    }

    /// <summary>An inbox page: the open tasks that match the query, in its order, and their total.</summary>
    /// <exception cref="EngineException">Invalid: the query cannot be answered (see <see cref="TaskQuery"/>).</exception>
    Task<TaskPage> QueryTasksAsync(TaskQuery query, CancellationToken ct);

    /// <summary>A page of process instances, running and ended, newest first (see <see cref="InstanceQuery"/>).</summary>
    /// <exception cref="EngineException">Invalid: the page cannot be answered (a negative offset, a limit below 1).</exception>
    Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken ct);

    Task AddJobAsync(JobState job, CancellationToken ct);
    /// <summary>Removes a job; false when it was not there (it ran already).</summary>
    Task<bool> RemoveJobAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<JobState>> JobsForAsync(Guid elementInstanceId, CancellationToken ct);
    Task<IReadOnlyList<JobState>> DueJobsAsync(DateTimeOffset now, int max, CancellationToken ct);
    Task<DateTimeOffset?> NextJobDueAsync(CancellationToken ct);

    Task AddSubscriptionAsync(MessageSubscriptionState subscription, CancellationToken ct);
    Task RemoveSubscriptionAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<MessageSubscriptionState>> SubscriptionsAsync(string messageName, string correlationKey, CancellationToken ct);
    Task<IReadOnlyList<MessageSubscriptionState>> SubscriptionsForAsync(Guid elementInstanceId, CancellationToken ct);

    Task BufferMessageAsync(BufferedMessage message, CancellationToken ct);
    Task<BufferedMessage?> TakeBufferedMessageAsync(string name, string correlationKey, DateTimeOffset now, CancellationToken ct);

    /// <summary>Records a message id until it expires; false when it was seen and has not expired by <paramref name="now"/> (a duplicate to drop).</summary>
    Task<bool> RememberMessageIdAsync(string messageId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct);

    Task AddIncidentAsync(IncidentState incident, CancellationToken ct);
    Task RemoveIncidentAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<IncidentState>> IncidentsAsync(Guid? instanceId, CancellationToken ct);

    /// <summary>One open incident, or null.</summary>
    async Task<IncidentState?> IncidentAsync(Guid id, CancellationToken ct) => (await IncidentsAsync(null, ct)).FirstOrDefault(i => i.Id == id);

    Task AppendHistoryAsync(HistoryEvent history, CancellationToken ct);
    Task<IReadOnlyList<HistoryEvent>> HistoryAsync(Guid? instanceId, CancellationToken ct);

    /// <summary>The history of one element instance (a user task's id is its element instance's), oldest first.</summary>
    Task<IReadOnlyList<HistoryEvent>> ElementHistoryAsync(Guid elementInstanceId, CancellationToken ct);

    Task CommitAsync(CancellationToken ct);
}
