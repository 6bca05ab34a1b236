using System.Collections.Concurrent;
using Ctms.Engine.Parsing;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Definitions;
using Ctms.Engine.Runtime.Instances;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Engine.Persistence;

/// <summary>
/// The engine's state in the database, through one <see cref="EngineDbContext"/> per command: everything the
/// command changed is saved by <see cref="CommitAsync"/>, in the caller's transaction when there is one. A stale
/// instance (another command saved it first) fails the save with a concurrency conflict.
/// </summary>
/// <param name="db">The command's context.</param>
/// <param name="taskChanges">Where committed task changes are announced; none when null.</param>
public sealed class EfEngineStore(EngineDbContext db, TaskChangeFeed? taskChanges = null) : IEngineStore
{
    // Parsed models by content hash and process id: a version's XML never changes, so it is parsed once per process.
    private static readonly ConcurrentDictionary<(string Hash, string ProcessId), Model.ProcessModel> Models = new();

    // Deployed versions by (process id, version, content hash): a command asks the database which version and hash it
    // needs (a small row) and takes the definition, XML and model from here; only a version not seen yet is read whole.
    private static readonly ConcurrentDictionary<(string ProcessId, int Version, string Hash), DeployedProcess> Deployed = new();

    // Ended instances this command read back from the ended table: their row exists already.
    private readonly HashSet<Guid> _revived = [];

    // History written by this command, saved with it (append-only: not tracked).
    private readonly List<HistoryRow> _history = [];

    // Task changes saved by this command, announced once they are committed.
    private readonly List<TaskChange> _announcements = [];

    public EngineDbContext Context => db;

    public async Task<DeployedProcess?> LatestDefinitionAsync(string processId, CancellationToken ct) =>
        await CachedAsync(await db.Definitions.AsNoTracking().Where(d => d.ProcessId == processId).OrderByDescending(d => d.Version)
            .Select(d => new DefinitionKey(d.ProcessId, d.Version, d.Hash)).FirstOrDefaultAsync(ct), ct);

    public async Task<DeployedProcess?> DefinitionAsync(string processId, int version, CancellationToken ct) =>
        await CachedAsync(await db.Definitions.AsNoTracking().Where(d => d.ProcessId == processId && d.Version == version)
            .Select(d => new DefinitionKey(d.ProcessId, d.Version, d.Hash)).SingleOrDefaultAsync(ct), ct);

    public Task<DeployedProcess?> DefinitionAsync(string processId, int version, string? hash, CancellationToken ct) =>
        hash is not null && Deployed.TryGetValue((processId, version, hash), out var cached)
            ? Task.FromResult<DeployedProcess?>(cached)
            : DefinitionAsync(processId, version, ct);

    /// <summary>Which versions are the latest is one small query; the definitions come from the cache (one more query for those not in it).</summary>
    public async Task<IReadOnlyList<DeployedProcess>> LatestDefinitionsAsync(CancellationToken ct)
    {
        var latest = db.Definitions.AsNoTracking().Where(d => d.Version == db.Definitions.Where(x => x.ProcessId == d.ProcessId).Max(x => x.Version));
        var keys = await latest.Select(d => new DefinitionKey(d.ProcessId, d.Version, d.Hash)).ToListAsync(ct);
        var missing = keys.Where(k => !Deployed.ContainsKey((k.ProcessId, k.Version, k.Hash))).Select(k => k.ProcessId).ToList();
        if (missing.Count > 0)
        {
            foreach (var row in await latest.Where(d => missing.Contains(d.ProcessId)).ToListAsync(ct))
            {
                Deployed.TryAdd((row.ProcessId, row.Version, row.Hash), Map(row)!);
            }
        }
        return [.. keys.Select(k => Deployed[(k.ProcessId, k.Version, k.Hash)])];
    }

    private sealed record DefinitionKey(string ProcessId, int Version, string Hash);

    private async Task<DeployedProcess?> CachedAsync(DefinitionKey? key, CancellationToken ct)
    {
        if (key is null)
        {
            return null;
        }
        if (Deployed.TryGetValue((key.ProcessId, key.Version, key.Hash), out var cached))
        {
            return cached;
        }
        var definition = Map(await db.Definitions.AsNoTracking().SingleAsync(d => d.ProcessId == key.ProcessId && d.Version == key.Version, ct))!;
        return Deployed.GetOrAdd((key.ProcessId, key.Version, key.Hash), definition);
    }

    public async Task<IReadOnlyList<DeployedProcess>> DefinitionsAsync(CancellationToken ct) =>
        (await db.Definitions.AsNoTracking().OrderBy(d => d.ProcessId).ThenBy(d => d.Version).ToListAsync(ct)).ConvertAll(d => Map(d)!);

    public async Task<IReadOnlyList<RunningInstanceCount>> RunningInstanceCountsAsync(CancellationToken ct) =>
        await db.Instances.AsNoTracking().RunningCounts().ToListAsync(ct);

    public Task AddDefinitionAsync(DeployedProcess definition, CancellationToken ct)
    {
        Models[(definition.Hash, definition.ProcessId)] = definition.Model;
        db.Definitions.Add(new DefinitionRow
        {
            ProcessId = definition.ProcessId,
            Version = definition.Version,
            Name = definition.Name,
            ResourceName = definition.ResourceName,
            Xml = definition.Xml,
            Hash = definition.Hash,
            DeployedAt = definition.DeployedAt,
            FormBindings = definition.FormBindings is { Count: > 0 } bindings
                ? System.Text.Json.JsonSerializer.Serialize(bindings.OrderBy(b => b.Key, StringComparer.Ordinal).ToDictionary(b => b.Key, b => b.Value))
                : null,
        });
        return Task.CompletedTask;
    }

    public bool KeepsForms => true;

    public async Task<Forms.DeployedForm?> FormAsync(string formId, int? version, CancellationToken ct)
    {
        var forms = db.Set<FormRow>().AsNoTracking().Where(f => f.FormId == formId);
        var row = version is { } v
            ? await forms.SingleOrDefaultAsync(f => f.Version == v, ct)
            : await forms.OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct);
        return row is null ? null : new Forms.DeployedForm(row.FormId, row.Version, row.Json, row.Hash);
    }

    public async Task<ProcessInstanceState?> InstanceAsync(Guid id, CancellationToken ct)
    {
        if (await db.Instances.FindAsync([id], ct) is { } active)
        {
            return active;
        }
        var ended = Revive(await db.Set<EndedInstanceRow>().FindAsync([id], ct));
        if (ended is not null)
        {
            _revived.Add(id);
        }
        return ended;
    }

    /// <summary>
    /// Saves an active instance in the runtime table; an instance that ended leaves it (the delete carries the
    /// revision check) for the ended-instances table, which history queries read.
    /// </summary>
    public Task SaveInstanceAsync(ProcessInstanceState instance, CancellationToken ct)
    {
        var entry = db.Entry(instance);
        if (instance.Status == InstanceStatus.Active)
        {
            if (entry.State == EntityState.Detached)
            {
                db.Instances.Add(instance);
            }
            else
            {
                entry.Property(i => i.Elements).IsModified = true;
            }
            return Task.CompletedTask;
        }
        if (entry.State is EntityState.Unchanged or EntityState.Modified)
        {
            db.Instances.Remove(instance);
        }
        else if (entry.State == EntityState.Added)
        {
            entry.State = EntityState.Detached;
        }
        // An instance ended in this command gets its ended row (a concurrent command that ended it first makes the
        // insert a unique violation, a retryable conflict); one read back from there has it already.
        if (!_revived.Contains(instance.Id))
        {
            db.Set<EndedInstanceRow>().Add(new EndedInstanceRow
            {
                Id = instance.Id,
                ProcessId = instance.ProcessId,
                DefinitionVersion = instance.DefinitionVersion,
                BusinessKey = instance.BusinessKey,
                Status = instance.Status.ToString(),
                ParentInstanceId = instance.ParentInstanceId,
                ParentElementInstanceId = instance.ParentElementInstanceId,
                StartedAt = instance.StartedAt,
                EndedAt = instance.EndedAt,
                RootId = instance.RootId,
                Variables = VariableJson.Serialize(instance.Root.Variables),
            });
        }
        return Task.CompletedTask;
    }

    /// <summary>An ended instance as the runtime reads it: its process scope only, no longer active.</summary>
    private static ProcessInstanceState? Revive(EndedInstanceRow? row) => row is null ? null : new ProcessInstanceState
    {
        Id = row.Id,
        ProcessId = row.ProcessId,
        DefinitionVersion = row.DefinitionVersion,
        BusinessKey = row.BusinessKey,
        Status = Enum.Parse<InstanceStatus>(row.Status),
        ParentInstanceId = row.ParentInstanceId,
        ParentElementInstanceId = row.ParentElementInstanceId,
        StartedAt = row.StartedAt,
        EndedAt = row.EndedAt,
        RootId = row.RootId,
        Elements =
        {
            [row.RootId] = new ElementInstanceState
            {
                Id = row.RootId,
                ElementId = row.ProcessId,
                Kind = Model.ElementKind.Process,
                Status = ElementStatus.Completed,
                Variables = VariableJson.Deserialize(row.Variables),
            },
        },
    };

    public async Task<UserTaskState?> TaskAsync(Guid id, CancellationToken ct) => await db.Tasks.FindAsync([id], ct);

    public async Task<IReadOnlyList<UserTaskState>> TasksAsync(Guid? instanceId, CancellationToken ct) =>
        await Local(db.Tasks, t => instanceId == null || t.InstanceId == instanceId, t => instanceId == null || t.InstanceId == instanceId,
            ct);

    public Task AddTaskAsync(UserTaskState task, CancellationToken ct) => Add(db.Tasks, task);

    public Task<bool> RemoveTaskAsync(Guid id, CancellationToken ct) => Remove(db.Tasks, id, ct);

    public Task SaveTaskAsync(UserTaskState task, CancellationToken ct)
    {
        var entry = db.Entry(task);
        if (entry.State == EntityState.Detached)
        {
            // Read by another command: its revision as read is the original value the update checks.
            db.Tasks.Attach(task);
            entry.State = EntityState.Modified;
        }
        task.Revision++;
        return Task.CompletedTask;
    }

    public Task<TaskPage> QueryTasksAsync(TaskQuery query, CancellationToken ct) =>
        db.Tasks.AsNoTracking().PageAsync(query, nullsSortLast: db.Database.IsNpgsql(), keysFirst: db.Database.IsNpgsql(), q => q.ToListAsync(ct), q => q.CountAsync(ct));

    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken ct) =>
        InstanceQueries.PageAsync(
            db.Instances.AsNoTracking().Select(i => new InstanceHeader
            {
                Id = i.Id, ProcessId = i.ProcessId, Version = i.DefinitionVersion, BusinessKey = i.BusinessKey, Status = nameof(InstanceStatus.Active),
                StartedAt = i.StartedAt, EndedAt = i.EndedAt, ParentInstanceId = i.ParentInstanceId,
            }),
            db.Set<EndedInstanceRow>().AsNoTracking().Select(i => new InstanceHeader
            {
                Id = i.Id, ProcessId = i.ProcessId, Version = i.DefinitionVersion, BusinessKey = i.BusinessKey, Status = i.Status,
                StartedAt = i.StartedAt, EndedAt = i.EndedAt, ParentInstanceId = i.ParentInstanceId,
            }),
            db.Incidents.AsNoTracking(), query, new DatabaseQueries(ct));

    private sealed class DatabaseQueries(CancellationToken ct) : IQueryRunner
    {
        public Task<List<T>> ListAsync<T>(IQueryable<T> query) => query.ToListAsync(ct);

        public Task<int> CountAsync<T>(IQueryable<T> query) => query.CountAsync(ct);
    }

    public Task AddJobAsync(JobState job, CancellationToken ct) => Add(db.Jobs, job);

    public Task<bool> RemoveJobAsync(Guid id, CancellationToken ct) => Remove(db.Jobs, id, ct);

    public async Task<IReadOnlyList<JobState>> JobsForAsync(Guid elementInstanceId, CancellationToken ct) =>
        await Local(db.Jobs, j => j.ElementInstanceId == elementInstanceId, j => j.ElementInstanceId == elementInstanceId, ct);

    public async Task<IReadOnlyList<JobState>> DueJobsAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        await db.Jobs.AsNoTracking().Where(j => j.DueAt <= now && (j.LockExpiresAt == null || j.LockExpiresAt < now))
            .OrderBy(j => j.DueAt).Take(max).ToListAsync(ct);

    public async Task<DateTimeOffset?> NextJobDueAsync(CancellationToken ct) =>
        await db.Jobs.AsNoTracking().OrderBy(j => j.DueAt).Select(j => (DateTimeOffset?)j.DueAt).FirstOrDefaultAsync(ct);

    public Task AddSubscriptionAsync(MessageSubscriptionState subscription, CancellationToken ct) => Add(db.Subscriptions, subscription);

    public Task RemoveSubscriptionAsync(Guid id, CancellationToken ct) => Remove(db.Subscriptions, id, ct);

    public async Task<IReadOnlyList<MessageSubscriptionState>> SubscriptionsAsync(string messageName, string correlationKey, CancellationToken ct) =>
        await Local(db.Subscriptions, s => s.MessageName == messageName && s.CorrelationKey == correlationKey,
            s => s.MessageName == messageName && s.CorrelationKey == correlationKey, ct);

    public async Task<IReadOnlyList<MessageSubscriptionState>> SubscriptionsForAsync(Guid elementInstanceId, CancellationToken ct) =>
        await Local(db.Subscriptions, s => s.ElementInstanceId == elementInstanceId, s => s.ElementInstanceId == elementInstanceId, ct);

    public Task BufferMessageAsync(BufferedMessage message, CancellationToken ct) => Add(db.Messages, message);

    public async Task<BufferedMessage?> TakeBufferedMessageAsync(string name, string correlationKey, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = await Local(db.Messages, m => m.Name == name && m.CorrelationKey == correlationKey,
            m => m.Name == name && m.CorrelationKey == correlationKey, ct);
        var message = candidates.Where(m => m.ExpiresAt == null || m.ExpiresAt > now).OrderBy(m => m.PublishedAt).FirstOrDefault();
        if (message is not null)
        {
            db.Messages.Remove(message);
        }
        return message;
    }

    public async Task<bool> RememberMessageIdAsync(string messageId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var seen = await db.MessageIds.FindAsync([messageId], ct);
        if (seen is not null && seen.ExpiresAt > now)
        {
            return false;
        }
        if (seen is null)
        {
            db.MessageIds.Add(new SeenMessageId { MessageId = messageId, ExpiresAt = expiresAt });
        }
        else
        {
            seen.ExpiresAt = expiresAt;
        }
        return true;
    }

    public Task AddIncidentAsync(IncidentState incident, CancellationToken ct) => Add(db.Incidents, incident);

    public Task RemoveIncidentAsync(Guid id, CancellationToken ct) => Remove(db.Incidents, id, ct);

    public async Task<IncidentState?> IncidentAsync(Guid id, CancellationToken ct) => await db.Incidents.FindAsync([id], ct);

    public async Task<IReadOnlyList<IncidentState>> IncidentsAsync(Guid? instanceId, CancellationToken ct) =>
        [.. (await Local(db.Incidents, i => instanceId == null || i.InstanceId == instanceId, i => instanceId == null || i.InstanceId == instanceId, ct))
            .OrderBy(i => i.CreatedAt)];

    public Task AppendHistoryAsync(HistoryEvent history, CancellationToken ct)
    {
        _history.Add(new HistoryRow
        {
            InstanceId = history.InstanceId,
            ElementInstanceId = history.ElementInstanceId,
            ElementId = history.ElementId,
            ElementType = history.ElementType,
            Event = history.Event,
            At = history.At,
            UserId = history.UserId,
            Detail = history.Detail,
        });
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<HistoryEvent>> ElementHistoryAsync(Guid elementInstanceId, CancellationToken ct) =>
        (await db.History.AsNoTracking().Where(h => h.ElementInstanceId == elementInstanceId).OrderBy(h => h.Sequence).ToListAsync(ct))
        .ConvertAll(h => new HistoryEvent(h.Sequence, h.InstanceId, h.ElementInstanceId, h.ElementId, h.ElementType, h.Event, h.At, h.UserId, h.Detail));

    public async Task<IReadOnlyList<HistoryEvent>> HistoryAsync(Guid? instanceId, CancellationToken ct)
    {
        var saved = await db.History.AsNoTracking().Where(h => instanceId == null || h.InstanceId == instanceId).OrderBy(h => h.Sequence).ToListAsync(ct);
        var pending = _history.Where(h => instanceId == null || h.InstanceId == instanceId);
        return [.. saved.Concat(pending).Select(h => new HistoryEvent(h.Sequence, h.InstanceId, h.ElementInstanceId, h.ElementId, h.ElementType, h.Event, h.At, h.UserId, h.Detail))];
    }

    public void AnnounceTaskChange(TaskChange change)
    {
        if (taskChanges is not null)
        {
            _announcements.Add(change);
        }
    }

    /// <summary>
    /// The caller's transaction, which this store's commands joined, has committed: their task changes are announced now.
    /// (Without a caller's transaction, <see cref="CommitAsync"/> commits and announces them itself.)
    /// </summary>
    public void CallerCommitted()
    {
        if (_announcements.Count == 0)
        {
            return;
        }
        TaskChange[] committed = [.. _announcements];
        _announcements.Clear();
        taskChanges?.Publish(committed);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        var saved = false;
        try
        {
            await SaveAsync(ct);
            saved = true;
            // In a caller's transaction the changes are saved, not committed: they may still roll back, so their
            // announcements wait for the caller (CallerCommitted).
            if (db.Database.CurrentTransaction is null)
            {
                CallerCommitted();
            }
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new EngineException(EngineException.Conflict,
                $"Another command changed the same process instance or task first; try again. ({e.Entries.Count} row(s))", retryable: true);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // The engine's keys are its own ids, so a duplicate is another command that got there first: two commands
            // ending the same instance (its ended row), deploying the same version, remembering the same message id.
            throw new EngineException(EngineException.Conflict, "Another command saved the same process state first; try again.", retryable: true);
        }
        finally
        {
            if (!saved)
            {
                // Nothing of this command was committed: nothing to announce.
                _announcements.Clear();
            }
        }
    }

    /// <summary>The tracked changes and the command's history, in one transaction (the caller's, or one of its own).</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        if (_history.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (!await db.BulkInsertHistoryAsync(_history, ct))
            {
                db.History.AddRange(_history);
            }
            await db.SaveChangesAsync(ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
            _history.Clear();
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException q => q.SqliteErrorCode == 19 && q.SqliteExtendedErrorCode is 1555 or 2067,
        _ => false,
    };

    /// <summary>
    /// Rows matching in the database, merged with what this command added or removed and has not saved yet: the
    /// runtime reads its own writes within a command.
    /// </summary>
    /// <remarks>
    /// The predicate comes twice, as an expression for the query and as a delegate for the tracked rows: compiling the
    /// expression on every call cost a dynamic method each time (and their finalizers), a profile's biggest item.
    /// </remarks>
    private static async Task<List<T>> Local<T>(DbSet<T> set, System.Linq.Expressions.Expression<Func<T, bool>> query, Func<T, bool> tracked,
        CancellationToken ct) where T : class
    {
        await set.Where(query).LoadAsync(ct);
        return [.. set.Local.Where(tracked)];
    }

    private static Task Add<T>(DbSet<T> set, T entity) where T : class
    {
        set.Add(entity);
        return Task.CompletedTask;
    }

    private static async Task<bool> Remove<T>(DbSet<T> set, Guid id, CancellationToken ct) where T : class
    {
        var entity = await set.FindAsync([id], ct);
        if (entity is not null)
        {
            set.Remove(entity);
        }
        return entity is not null;
    }

    private static DeployedProcess? Map(DefinitionRow? row) => row is null ? null : new DeployedProcess(
        row.ProcessId, row.Version, row.Name,
        Models.GetOrAdd((row.Hash, row.ProcessId), key => BpmnParser.Parse(row.Xml).Processes.Single(p => p.Id == key.ProcessId)),
        row.ResourceName, row.Xml, row.Hash, row.DeployedAt,
        row.FormBindings is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(row.FormBindings));
}
