using Ctms.Api.Engine;
using Ctms.Domain.Common;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;

namespace Ctms.Api.Processes;

/// <summary>Deployed SOP definitions: deploy a new version, list, read a version's XML; the activities a definition may use.</summary>
internal static class ProcessDefinitionsEndpoints
{
    public const string SopEditors = "sop-editors";

    public static IEndpointRouteBuilder MapProcessDefinitionsEndpoints(this IEndpointRouteBuilder app)
    {
        var definitions = app.MapGroup("api/process-definitions").WithTags("Processes");
        definitions.MapGet("", List).WithSummary("Every deployed process with its versions.");
        definitions.MapPost("", Deploy).RequireAuthorization(SopEditors)
            .WithSummary("Deploy a BPMN file (CTI director, CTI secretary, admin); a process whose XML changed gets a new version.");
        definitions.MapGet("{processId}", Get).WithSummary("One process with all its versions.");
        definitions.MapGet("{processId}/versions/{version:int}/xml", Xml).WithSummary("The XML of one version, as deployed.");
        app.MapGet("api/activities", Activities).WithTags("Processes").WithSummary("The registered activities a service task may name, with their inputs and outputs.");
        return app;
    }

    public sealed record DeployRequest(string Name, string Xml);

    public sealed record VersionSummary(string ProcessId, int Version, string? Name, string ResourceName, DateTimeOffset DeployedAt);

    public sealed record DefinitionSummary(string ProcessId, string? Name, int LatestVersion, IReadOnlyList<VersionSummary> Versions);

    private static async Task<Ok<List<DefinitionSummary>>> List(BpmnEngine engine, CancellationToken ct)
    {
        var all = await engine.Store.DefinitionsAsync(ct);
        return TypedResults.Ok(all.GroupBy(d => d.ProcessId).Select(g =>
        {
            var versions = g.OrderByDescending(d => d.Version).Select(Summary).ToList();
            return new DefinitionSummary(g.Key, versions[0].Name, versions[0].Version, versions);
        }).ToList());
    }

    private static async Task<Results<Ok<DefinitionSummary>, NotFound>> Get(string processId, BpmnEngine engine, CancellationToken ct)
    {
        var versions = (await engine.Store.DefinitionsAsync(ct)).Where(d => d.ProcessId == processId).OrderByDescending(d => d.Version).Select(Summary).ToList();
        return versions.Count == 0
            ? TypedResults.NotFound()
            : TypedResults.Ok(new DefinitionSummary(processId, versions[0].Name, versions[0].Version, versions));
    }

    private static async Task<Created<List<VersionSummary>>> Deploy(DeployRequest request, EngineCommands commands, ClaimsPrincipal user, CancellationToken ct)
    {
        var v = new Validator();
        v.Required("name", request.Name, 200).Required("xml", request.Xml, Ctms.Engine.Parsing.BpmnParser.MaxCharacters).ThrowIfInvalid();
        var deployed = await commands.RunAsync(user, (engine, token) => engine.DeployAsync(request.Name.Trim(), request.Xml, token), ct);
        return TypedResults.Created("/api/process-definitions", deployed.Select(Summary).ToList());
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Xml(string processId, int version, BpmnEngine engine, CancellationToken ct) =>
        await engine.Store.DefinitionAsync(processId, version, ct) is { } definition
            ? TypedResults.Content(definition.Xml, "application/xml")
            : TypedResults.NotFound();

    private static Ok<IReadOnlyList<ActivityDescriptor>> Activities(ActivityRegistry registry) => TypedResults.Ok(registry.Descriptors);

    private static VersionSummary Summary(DeployedProcess d) => new(d.ProcessId, d.Version, d.Name, d.ResourceName, d.DeployedAt);
}
