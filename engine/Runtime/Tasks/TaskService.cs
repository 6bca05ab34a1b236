using Ctms.Engine.Model;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;

namespace Ctms.Engine.Runtime.Tasks;

/// <summary>
/// What people do with open user tasks: claim, give back, delegate, complete, and find them in their inbox. Each
/// operation is a command of its own (a store from the factory, one commit) and leaves a history event on the task's
/// instance. Who may act: a candidate claims an unassigned task (a task without candidates is open to everyone);
/// only the assignee gives it back, delegates or completes it, and a candidate may complete an unassigned task, which
/// claims it first.
/// </summary>
/// <param name="engine">Runs the process on when a task completes.</param>
/// <param name="stores">The same store factory as the engine's.</param>
/// <param name="clock">The time of the history events.</param>
public sealed class TaskService(BpmnEngine engine, Func<IEngineStore> stores, TimeProvider clock)
{
    /// <summary>Assigns an unassigned task to a candidate. Claiming a task one already holds changes nothing.</summary>
    /// <exception cref="EngineException">
    /// NotFound: no such open task. Forbidden: the user is not a candidate. Conflict: someone else holds the task, or
    /// claimed it in the meantime.
    /// </exception>
    public async Task<UserTaskState> ClaimAsync(Guid taskId, string userId, IReadOnlyCollection<string> userGroups, CancellationToken ct = default)
    {
        RequireUser(userId);
        var store = stores();
        var task = await OpenTaskAsync(store, taskId, ct);
        if (task.Assignee == userId)
        {
            return task;
        }
        if (!IsCandidate(task, userId, userGroups))
        {
            throw new EngineException(EngineException.Forbidden, $"User '{userId}' is not a candidate for task {taskId} ('{task.ElementId}').");
        }
        if (task.Assignee is not null)
        {
            throw new EngineException(EngineException.Conflict, $"Task {taskId} ('{task.ElementId}') is already claimed by another user.");
        }
        task.Assignee = userId;
        task.DelegatedBy = null;
        await SaveAsync(store, task, TaskHistoryEvents.Claimed, userId, null, TaskChange.Of(TaskChangeKind.Claimed, task), ct);
        return task;
    }

    /// <summary>The assignee gives the task back: unassigned again, offered to its candidates.</summary>
    /// <exception cref="EngineException">NotFound: no such open task. Conflict: nobody holds it. Forbidden: someone else does.</exception>
    public async Task<UserTaskState> UnclaimAsync(Guid taskId, string userId, CancellationToken ct = default)
    {
        RequireUser(userId);
        var store = stores();
        var task = await OpenTaskAsync(store, taskId, ct);
        RequireAssignee(task, userId, "give back");
        task.Assignee = null;
        task.DelegatedBy = null;
        await SaveAsync(store, task, TaskHistoryEvents.Unclaimed, userId, null, TaskChange.Of(TaskChangeKind.Unclaimed, task, previousAssignee: userId), ct);
        return task;
    }

    /// <summary>The assignee hands the task to another user, who becomes its assignee; the task records who delegated it.</summary>
    /// <exception cref="EngineException">
    /// NotFound: no such open task. Invalid: no user to hand it to, or the same one. Conflict: nobody holds it.
    /// Forbidden: someone else does.
    /// </exception>
    public async Task<UserTaskState> DelegateAsync(Guid taskId, string fromUserId, string toUserId, CancellationToken ct = default)
    {
        RequireUser(fromUserId);
        RequireUser(toUserId);
        if (fromUserId == toUserId)
        {
            throw new EngineException(EngineException.Invalid, $"User '{fromUserId}' cannot delegate task {taskId} to themselves.");
        }
        var store = stores();
        var task = await OpenTaskAsync(store, taskId, ct);
        RequireAssignee(task, fromUserId, "delegate");
        task.Assignee = toUserId;
        task.DelegatedBy = fromUserId;
        await SaveAsync(store, task, TaskHistoryEvents.Delegated, fromUserId, toUserId,
            TaskChange.Of(TaskChangeKind.Delegated, task, previousAssignee: fromUserId), ct);
        return task;
    }

    /// <summary>
    /// Completes a task with the variables of its form, and runs the process on. The assignee may; so may a candidate
    /// of an unassigned task, which claims it first (a command of its own, so a failed completion leaves it claimed).
    /// </summary>
    /// <exception cref="EngineException">
    /// NotFound: no such open task. Forbidden: someone else holds it, or the user is not a candidate. Conflict: the task
    /// or its instance changed in the meantime, or the task's form is not deployed (in a store that keeps forms).
    /// </exception>
    /// <exception cref="Forms.FormValidationException">
    /// The task has a form and the variables do not satisfy it. Checked before anything is saved (not even the claim).
    /// </exception>
    /// <returns>The variables the completion set: those of the form's fields when the task has a form, as checked.</returns>
    public async Task<IReadOnlyDictionary<string, object?>> CompleteAsync(Guid taskId, string userId, IReadOnlyCollection<string> userGroups,
        IReadOnlyDictionary<string, object?>? variables = null, CancellationToken ct = default)
    {
        RequireUser(userId);
        var store = stores();
        var task = await OpenTaskAsync(store, taskId, ct);
        if (task.Assignee is not null && task.Assignee != userId)
        {
            throw new EngineException(EngineException.Forbidden, $"Task {taskId} ('{task.ElementId}') is assigned to another user; only its assignee completes it.");
        }
        if (task.Assignee is null && !IsCandidate(task, userId, userGroups))
        {
            throw new EngineException(EngineException.Forbidden, $"User '{userId}' is not a candidate for task {taskId} ('{task.ElementId}').");
        }
        // The form decides which variables a completion may set: only its enabled, visible fields' values, checked.
        if (await Forms.TaskForms.ResolveAsync(store, task, ct) is { } form)
        {
            variables = Forms.FormValidator.Validate(form.FormId, form.Schema, variables, form.Data);
        }
        else if (task.FormId is { Length: > 0 } && store.KeepsForms)
        {
            // The form is the server's check of what the user sends: without it the data would go in unchecked.
            throw new EngineException(EngineException.Conflict,
                $"Task {taskId} ('{task.ElementId}') shows form '{task.FormId}', which is not deployed; deploy the form, then complete the task.");
        }
        if (task.Assignee is null)
        {
            await ClaimAsync(taskId, userId, userGroups, ct);
        }
        await engine.CompleteTaskAsync(taskId, variables, userId, ct);
        return variables ?? new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    /// <summary>
    /// The headers (<c>zeebe:taskHeaders</c>) of an open task's user task, in the definition version its instance runs:
    /// static configuration the host reads, such as the meaning of the signature the task needs.
    /// </summary>
    /// <exception cref="EngineException">NotFound or Conflict: the task is not open (see <see cref="CompleteAsync"/>).</exception>
    public async Task<IReadOnlyDictionary<string, string>> HeadersAsync(Guid taskId, CancellationToken ct = default)
    {
        var store = stores();
        var task = await OpenTaskAsync(store, taskId, ct);
        var instance = await store.InstanceAsync(task.InstanceId, ct);
        var definition = instance is null ? null : await store.DefinitionAsync(instance.ProcessId, instance.DefinitionVersion, instance.DefinitionHash, ct);
        return definition?.Model.AllNodes.GetValueOrDefault(task.ElementId) is UserTaskNode node
            ? node.Spec.Headers
            : new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>A page of an inbox: "mine", "offered to me", filtered, sorted, with the total.</summary>
    /// <exception cref="EngineException">Invalid: the query cannot be answered (see <see cref="TaskQuery"/>).</exception>
    public Task<TaskPage> QueryAsync(TaskQuery query, CancellationToken ct = default) => stores().QueryTasksAsync(query, ct);

    /// <summary>Whether a user may claim a task: a candidate user, in a candidate group, or the task names no candidates.</summary>
    public static bool IsCandidate(UserTaskState task, string userId, IReadOnlyCollection<string> userGroups) =>
        (task.CandidateUsers.Count == 0 && task.CandidateGroups.Count == 0)
        || task.CandidateUsers.Contains(userId, StringComparer.Ordinal)
        || task.CandidateGroups.Any(g => userGroups.Contains(g, StringComparer.Ordinal));

    private static async Task<UserTaskState> OpenTaskAsync(IEngineStore store, Guid taskId, CancellationToken ct) =>
        await store.TaskAsync(taskId, ct) ?? throw await NotOpenAsync(store, taskId, ct);

    /// <summary>
    /// Why a task is not open: it ended (completed by someone, or cancelled with its process) and the caller was too late,
    /// a Conflict; or it never existed, NotFound.
    /// </summary>
    internal static async Task<EngineException> NotOpenAsync(IEngineStore store, Guid taskId, CancellationToken ct)
    {
        var ended = (await store.ElementHistoryAsync(taskId, ct)).LastOrDefault(h => h.Event is "completed" or "cancelled");
        return ended is null
            ? new EngineException(EngineException.NotFound, $"Task {taskId} is not open.")
            : new EngineException(EngineException.Conflict, ended.Event == "completed"
                ? $"Task {taskId} ('{ended.ElementId}') was completed at {ended.At:u}; it is no longer open."
                : $"Task {taskId} ('{ended.ElementId}') was cancelled at {ended.At:u}; it is no longer open.");
    }

    private static void RequireUser(string userId)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new EngineException(EngineException.Invalid, "A task operation needs a user id.");
        }
    }

    private static void RequireAssignee(UserTaskState task, string userId, string what)
    {
        if (task.Assignee is null)
        {
            throw new EngineException(EngineException.Conflict, $"Task {task.Id} ('{task.ElementId}') is not assigned to anyone: there is nothing to {what}.");
        }
        if (task.Assignee != userId)
        {
            throw new EngineException(EngineException.Forbidden, $"Task {task.Id} ('{task.ElementId}') is assigned to another user; only its assignee may {what} it.");
        }
    }

    private async Task SaveAsync(IEngineStore store, UserTaskState task, string @event, string userId, string? detail, TaskChange change, CancellationToken ct)
    {
        await store.SaveTaskAsync(task, ct);
        store.AnnounceTaskChange(change);
        await store.AppendHistoryAsync(new HistoryEvent(0, task.InstanceId, task.ElementInstanceId, task.ElementId, ElementKind.UserTask, @event,
            clock.GetUtcNow(), userId, detail), ct);
        await store.CommitAsync(ct);
    }
}
