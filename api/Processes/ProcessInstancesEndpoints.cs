using System.Security.Claims;
using System.Text.Json.Nodes;
using Ctms.Api.Engine;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Engine.Model;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Instances;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Timers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Processes;

/// <summary>Process instances: start one, read its state and history; publish a message or a signal; list and retry incidents.</summary>
internal static class ProcessInstancesEndpoints
{
    public const string EngineOperators = "engine-operators";

    public static IEndpointRouteBuilder MapProcessInstancesEndpoints(this IEndpointRouteBuilder app)
    {
        var instances = app.MapGroup("api/process-instances").WithTags("Processes");
        instances.MapGet("", List).RequireAuthorization(EngineOperators).WithName("ListProcessInstances")
            .WithSummary("Instances, running and ended, newest first: filters processId, status (running, completed, terminated, incidents), businessKey (exact); offset, limit up to 200 (the total is exact up to 1,000).");
        instances.MapPost("", Start).WithName("StartProcess").WithSummary("Start the latest (or a given) version of a process with variables and a business key.");
        instances.MapGet("{instanceId:guid}", Get).WithName("GetProcessInstance").WithSummary("An instance: status, active elements, variables, incidents.");
        instances.MapGet("{instanceId:guid}/history", History).WithSummary("Every element instance that started, completed or was cancelled, in order.");
        app.MapPost("api/messages", Correlate).WithTags("Processes")
            .WithSummary("Publish a message: it reaches the instances waiting for it, starts processes that begin with it, or waits for its time to live.");
        app.MapPost("api/signals", Broadcast).WithTags("Processes").RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Broadcast a BPMN signal (administrators): it reaches every element waiting for it in the running instances with the business key (none: the instances without one); returns how many. Not buffered.");
        var incidents = app.MapGroup("api/incidents").WithTags("Processes").RequireAuthorization(EngineOperators);
        incidents.MapGet("", Incidents).WithSummary("Open incidents (CTI office and administrators).");
        incidents.MapPost("{incidentId:guid}/retry", Retry).WithSummary("Run the element of an incident again, after its cause was fixed.");
        return app;
    }

    public sealed record StartRequest(string ProcessId, int? Version, string? BusinessKey, JsonObject? Variables);

    public sealed record ActiveElement(Guid ElementInstanceId, string ElementId, string Kind, Guid? IncidentId);

    public sealed record InstanceView(Guid Id, string ProcessId, int Version, string? BusinessKey, string Status, DateTimeOffset StartedAt,
        DateTimeOffset? EndedAt, IReadOnlyList<ActiveElement> Active, JsonObject Variables, IReadOnlyList<IncidentState> Incidents);

    public sealed record MessageRequest(string Name, string? CorrelationKey, JsonObject? Variables, string? MessageId, string? TimeToLive);

    private static async Task<CreatedAtRoute<InstanceView>> Start(StartRequest request, EngineCommands commands, ClaimsPrincipal user, CancellationToken ct)
    {
        new Validator().Required("processId", request.ProcessId, 200).Optional("businessKey", request.BusinessKey, 200).ThrowIfInvalid();
        var view = await commands.RunAsync(user, async (engine, token) =>
        {
            var instance = await engine.StartAsync(request.ProcessId.Trim(), ProcessJson.Variables(request.Variables), request.BusinessKey, request.Version, token);
            return await ViewAsync(engine, instance.Id, token);
        }, ct);
        return TypedResults.CreatedAtRoute(view, "GetProcessInstance", new { instanceId = view!.Id });
    }

    private static async Task<Ok<InstancePage>> List(string? processId, string? status, string? businessKey, int? offset, int? limit, BpmnEngine engine,
        CancellationToken ct)
    {
        // By name only: Enum.TryParse would also take "1".
        var parsed = Enum.GetValues<InstanceStatusFilter>().Cast<InstanceStatusFilter?>()
            .FirstOrDefault(f => string.Equals(f.ToString(), status, StringComparison.OrdinalIgnoreCase));
        new Validator()
            .Optional("processId", processId, 200)
            .Optional("businessKey", businessKey, 200)
            .Must(status is null || parsed is not null, "status",
                "status must be 'running', 'completed', 'terminated' or 'incidents'.")
            .Must(limit is null or (>= 1 and <= InstanceQuery.MaxLimit), "limit", $"limit must be from 1 to {InstanceQuery.MaxLimit}.")
            .Must(offset is null or >= 0, "offset", "offset must be 0 or more.")
            .ThrowIfInvalid();
        var query = new InstanceQuery
        {
            ProcessId = string.IsNullOrWhiteSpace(processId) ? null : processId.Trim(),
            BusinessKey = string.IsNullOrWhiteSpace(businessKey) ? null : businessKey.Trim(),
            Status = parsed,
            Offset = offset ?? 0,
            Limit = limit ?? 50,
        };
        return TypedResults.Ok(await engine.Store.QueryInstancesAsync(query, ct));
    }

    private static async Task<Results<Ok<InstanceView>, NotFound>> Get(Guid instanceId, BpmnEngine engine, CancellationToken ct) =>
        await ViewAsync(engine, instanceId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Ok<List<HistoryEvent>>> History(Guid instanceId, BpmnEngine engine, CancellationToken ct)
    {
        _ = await engine.Store.InstanceAsync(instanceId, ct) ?? throw new EngineException(EngineException.NotFound, $"Process instance {instanceId} was not found.");
        return TypedResults.Ok((await engine.Store.HistoryAsync(instanceId, ct)).ToList());
    }

    private static async Task<Ok<CorrelationResult>> Correlate(MessageRequest request, EngineCommands commands, ClaimsPrincipal user, CancellationToken ct)
    {
        var v = new Validator().Required("name", request.Name, 200).Optional("correlationKey", request.CorrelationKey, 500).Optional("messageId", request.MessageId, 200);
        IsoDuration ttl = default;
        v.Must(request.TimeToLive is null || IsoDuration.TryParse(request.TimeToLive, out ttl), "timeToLive", "timeToLive must be an ISO 8601 duration such as PT1H.");
        v.ThrowIfInvalid();
        var now = DateTimeOffset.UtcNow;
        TimeSpan? timeToLive = request.TimeToLive is null ? null : ttl.AddTo(now) - now;
        return TypedResults.Ok(await commands.RunAsync(user, (engine, token) => engine.CorrelateAsync(request.Name.Trim(), request.CorrelationKey ?? "",
            ProcessJson.Variables(request.Variables), request.MessageId, timeToLive, ct: token), ct));
    }

    public sealed record SignalRequest(string Name, string? BusinessKey, JsonObject? Variables);

    public sealed record SignalResult(int Reached);

    private static async Task<Ok<SignalResult>> Broadcast(SignalRequest request, EngineCommands commands, ClaimsPrincipal user, CancellationToken ct)
    {
        new Validator().Required("name", request.Name, SignalTrigger.MaxNameLength).Optional("businessKey", request.BusinessKey, 500).ThrowIfInvalid();
        var reached = await commands.RunAsync(user, (engine, token) => engine.BroadcastSignalAsync(request.Name.Trim(),
            string.IsNullOrWhiteSpace(request.BusinessKey) ? null : request.BusinessKey.Trim(), ProcessJson.Variables(request.Variables), token), ct);
        return TypedResults.Ok(new SignalResult(reached));
    }

    private static async Task<Ok<IReadOnlyList<IncidentState>>> Incidents(BpmnEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.Store.IncidentsAsync(null, ct));

    private static async Task<NoContent> Retry(Guid incidentId, EngineCommands commands, ClaimsPrincipal user, CancellationToken ct)
    {
        await commands.RunAsync(user, (engine, token) => engine.RetryIncidentAsync(incidentId, token), ct);
        return TypedResults.NoContent();
    }

    private static async Task<InstanceView?> ViewAsync(BpmnEngine engine, Guid instanceId, CancellationToken ct)
    {
        var instance = await engine.Store.InstanceAsync(instanceId, ct);
        if (instance is null)
        {
            return null;
        }
        var active = instance.Elements.Values
            .Where(e => e.Status == ElementStatus.Active && e.Id != instance.RootId && e.Kind != ElementKind.MultiInstanceBody)
            .Select(e => new ActiveElement(e.Id, e.ElementId, e.Kind, e.IncidentId)).ToList();
        return new InstanceView(instance.Id, instance.ProcessId, instance.DefinitionVersion, instance.BusinessKey, instance.Status.ToString(),
            instance.StartedAt, instance.EndedAt, active, ProcessJson.Json(instance.Root.Variables), await engine.Store.IncidentsAsync(instanceId, ct));
    }
}
