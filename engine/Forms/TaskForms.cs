using Ctms.Engine.Runtime.Execution;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;

namespace Ctms.Engine.Forms;

/// <summary>The form a task opens: its schema, the version it is bound to, and the variables that prefill it.</summary>
/// <param name="FormId">The form's id (the task's <c>zeebe:formDefinition formId</c>).</param>
/// <param name="Version">The form version bound to the instance's definition version (or the latest, see <see cref="TaskForms"/>).</param>
/// <param name="Schema">The form-js JSON of that version.</param>
/// <param name="Data">The variables visible at the task, inner scopes shadowing outer ones.</param>
public sealed record TaskForm(string FormId, int Version, string Schema, IReadOnlyDictionary<string, object?> Data);

/// <summary>
/// Resolves the form of an open task: the version bound to the definition version its instance runs (recorded at
/// deploy), so a form changed later does not change what running instances show. A definition deployed before its
/// form existed has no binding for it: the latest version is shown then.
/// </summary>
public sealed class TaskForms(Func<IEngineStore> stores)
{
    /// <summary>The task's form, or null when the task is not open, names no form, or its form is not deployed.</summary>
    public async Task<TaskForm?> FormOfAsync(Guid taskId, CancellationToken ct = default)
    {
        var store = stores();
        return await store.TaskAsync(taskId, ct) is { } task ? await ResolveAsync(store, task, ct) : null;
    }

    internal static async Task<TaskForm?> ResolveAsync(IEngineStore store, UserTaskState task, CancellationToken ct)
    {
        if (task.FormId is not { Length: > 0 } formId || await store.InstanceAsync(task.InstanceId, ct) is not { } instance)
        {
            return null;
        }
        var definition = await store.DefinitionAsync(instance.ProcessId, instance.DefinitionVersion, instance.DefinitionHash, ct);
        int? bound = definition?.FormBindings is { } bindings && bindings.TryGetValue(formId, out var version) ? version : null;
        var form = await store.FormAsync(formId, bound, ct);
        if (form is null)
        {
            return null;
        }
        var element = instance.Elements.GetValueOrDefault(task.ElementInstanceId);
        return new TaskForm(form.FormId, form.Version, form.Json, new ScopeVariables(instance, element).Flatten());
    }
}
