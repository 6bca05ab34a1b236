using System.Security.Claims;
using System.Text.Json.Nodes;
using Ctms.Api.Engine;
using Ctms.Api.Processes;
using Ctms.Domain.Common;
using Ctms.Engine.Forms;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Tasks;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Tasks;

/// <summary>
/// The inbox: my tasks and my groups' tasks (a user's groups are their roles), claim, give back, delegate, complete.
/// The engine knows users by user name.
/// </summary>
internal static class TasksEndpoints
{
    public static IEndpointRouteBuilder MapTasksEndpoints(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("api/tasks").WithTags("Tasks");
        tasks.MapGet("", List).WithSummary("view=mine (assigned to me) or view=groups (offered to my roles or to me, unassigned); filters (process, element, instance, business key, due before/after, text), sort (due, created, priority) and paging.")
            .WithDescription("The total is counted up to 1,000: beyond that totalIsExact is false and the total reads as 'more than'.");
        tasks.MapGet("{taskId:guid}", Get).WithSummary("One open task.");
        tasks.MapGet("{taskId:guid}/form", Form).WithSummary("The form an open task shows: the version bound to its process version, its form-js schema and the variables that prefill it.")
            .WithDescription("404 when the task is not open to you, or when it has no (deployed) form.").ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapPost("{taskId:guid}/claim", Claim).WithSummary("Take a task offered to you.");
        tasks.MapPost("{taskId:guid}/unclaim", Unclaim).WithSummary("Give a task you hold back to its candidates.");
        tasks.MapPost("{taskId:guid}/delegate", Delegate).WithSummary("Hand a task you hold to another user.");
        tasks.MapPost("{taskId:guid}/complete", Complete).WithSummary("Complete a task you hold (or one offered to you) with the form's variables.")
            .WithDescription("400 with errors keyed by form field key when the task has a form and the variables do not satisfy it (nothing is saved); "
                             + "only the form's enabled, visible fields are taken from the variables then. "
                             + "409 when the task was completed or cancelled already (a colleague, another tab, or its process was quicker), "
                             + "or when the task names a form that is not deployed (it cannot be checked yet); 404 when no such task ever existed. "
                             + "A task with a signatureMeaning (see its form) is signed: send signature.password, the user's password re-entered; "
                             + "a missing or wrong one is a 400 on signature.password, and a wrong one counts toward the account's lockout.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record DelegateRequest(string UserName);

    /// <summary>The variables of the form and, for a task that must be signed, the signer's re-entered password.</summary>
    public sealed record CompleteRequest(JsonObject? Variables, SignatureRequest? Signature = null);

    /// <summary>An electronic signature's proof of identity: the password, re-entered for this signature only.</summary>
    public sealed record SignatureRequest(string? Password);

    /// <summary>The form an open task shows; <c>SignatureMeaning</c> is what completing the task signs ("I cast this vote"), null when it is not signed.</summary>
    public sealed record TaskFormResponse(string FormId, int Version, JsonNode? Schema, JsonObject Data, string? SignatureMeaning);

    private static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? throw new ForbiddenException("No user name.");

    private static string[] Groups(ClaimsPrincipal user) => [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];

    private static async Task<Ok<TaskPage>> List(string? view, string? processId, string? elementId, Guid? instanceId, string? businessKey, DateTimeOffset? dueBefore,
        DateTimeOffset? dueAfter, string? q, string? sort, int? offset, int? limit, TaskService service, ClaimsPrincipal user, CancellationToken ct)
    {
        var v = new Validator()
            .Must(view is null or "mine" or "groups", "view", "view must be 'mine' or 'groups'.")
            .Must(sort is null or "due" or "created" or "priority", "sort", "sort must be 'due', 'created' or 'priority'.")
            .Must(limit is null or (>= 1 and <= TaskQuery.MaxLimit), "limit", $"limit must be from 1 to {TaskQuery.MaxLimit}.")
            .Must(offset is null or >= 0, "offset", "offset must be 0 or more.")
            .Optional("q", q, 200)
            .Optional("businessKey", businessKey, 200);
        v.ThrowIfInvalid();
        var query = (view == "groups" ? TaskQuery.OfferedTo(UserName(user), Groups(user)) : TaskQuery.AssignedTo(UserName(user))) with
        {
            ProcessId = processId,
            ElementId = elementId,
            InstanceId = instanceId,
            BusinessKey = string.IsNullOrWhiteSpace(businessKey) ? null : businessKey.Trim(),
            DueBefore = dueBefore,
            DueAfter = dueAfter,
            NameContains = q,
            Sort = sort switch { "created" => TaskSort.Created, "priority" => TaskSort.Priority, _ => TaskSort.DueDate },
            Offset = offset ?? 0,
            Limit = limit ?? 50,
        };
        return TypedResults.Ok(await service.QueryAsync(query, ct));
    }

    private static async Task<Ok<UserTaskState>> Get(Guid taskId, BpmnEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await VisibleAsync(taskId, engine, user, ct));

    private static async Task<Ok<TaskFormResponse>> Form(Guid taskId, BpmnEngine engine, TaskForms forms, TaskCompletion completion, ClaimsPrincipal user,
        CancellationToken ct)
    {
        await VisibleAsync(taskId, engine, user, ct);
        var form = await forms.FormOfAsync(taskId, ct) ?? throw new EngineException(EngineException.NotFound, $"Task {taskId} has no form.");
        return TypedResults.Ok(new TaskFormResponse(form.FormId, form.Version, JsonNode.Parse(form.Schema), ProcessJson.Json(form.Data),
            await completion.SignatureMeaningAsync(taskId, user, ct)));
    }

    private static async Task<UserTaskState> VisibleAsync(Guid taskId, BpmnEngine engine, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await engine.Store.TaskAsync(taskId, ct);
        // Only whoever holds the task or is offered it may read it; to anyone else it does not exist.
        if (task is null || task.Assignee != UserName(user) && !TaskService.IsCandidate(task, UserName(user), Groups(user)))
        {
            throw new EngineException(EngineException.NotFound, $"Task {taskId} is not open.");
        }
        return task;
    }

    private static async Task<Ok<UserTaskState>> Claim(Guid taskId, EngineCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await commands.RunScopedAsync(user, (s, token) => s.GetRequiredService<TaskService>().ClaimAsync(taskId, UserName(user), Groups(user), token), ct));

    private static async Task<Ok<UserTaskState>> Unclaim(Guid taskId, EngineCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await commands.RunScopedAsync(user, (s, token) => s.GetRequiredService<TaskService>().UnclaimAsync(taskId, UserName(user), token), ct));

    private static async Task<Ok<UserTaskState>> Delegate(Guid taskId, DelegateRequest request, EngineCommands commands, ClaimsPrincipal user, CancellationToken ct)
    {
        new Validator().Required("userName", request.UserName, 256).ThrowIfInvalid();
        return TypedResults.Ok(await commands.RunScopedAsync(user,
            (s, token) => s.GetRequiredService<TaskService>().DelegateAsync(taskId, UserName(user), request.UserName.Trim(), token), ct));
    }

    private static async Task<NoContent> Complete(Guid taskId, CompleteRequest? request, TaskCompletion completion, ClaimsPrincipal user, CancellationToken ct)
    {
        await completion.CompleteAsync(taskId, user, ProcessJson.Variables(request?.Variables), request?.Signature?.Password, ct);
        return TypedResults.NoContent();
    }
}
