using Ctms.Api.Engine;
using Ctms.Domain.Common;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.Definitions;
using Ctms.Engine.Runtime.Store;
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
        definitions.MapGet("", List).WithSummary("Every deployed process with its versions and the instances running on each.");
        definitions.MapPost("validate", Validate)
            .WithSummary("The deploy-time validation of a BPMN file without deploying it: every problem with its element id and line (none: it would deploy).");
        definitions.MapGet("export", Export).RequireAuthorization(SopEditors)
            .WithSummary("A zip of the latest version of every process (<resource>.bpmn) and every form (forms/<formId>.form), as the start-up deployer reads them.");
        definitions.MapPost("", Deploy).RequireAuthorization(SopEditors)
            .WithSummary("Deploy a BPMN file (CTI director, CTI secretary, admin); a process whose XML changed gets a new version.");
        definitions.MapGet("{processId}", Get).WithSummary("One process with all its versions.");
        definitions.MapGet("{processId}/versions/{version:int}/xml", Xml).WithSummary("The XML of one version, as deployed.");
        app.MapGet("api/activities", Activities).WithTags("Processes").WithSummary("The registered activities a service task may name, with their inputs and outputs.");
        return app;
    }

    public sealed record DeployRequest(string Name, string Xml);

    public sealed record VersionSummary(string ProcessId, int Version, string? Name, string ResourceName, DateTimeOffset DeployedAt);

    public sealed record ValidateRequest(string? Xml);

    /// <summary>One validation problem; <c>elementId</c> is null for a problem of the whole file (not XML, no executable process).</summary>
    public sealed record ValidationProblem(string Code, string? ElementId, string ElementType, int Line, string Message);

    public sealed record ValidationResult(bool Valid, IReadOnlyList<ValidationProblem> Problems);

    private static async Task<Ok<IReadOnlyList<DefinitionSummary>>> List(IEngineStore store, CancellationToken ct) =>
        TypedResults.Ok(await DefinitionCatalog.ListAsync(store, ct));

    private static async Task<Results<Ok<DefinitionSummary>, NotFound>> Get(string processId, IEngineStore store, CancellationToken ct) =>
        (await DefinitionCatalog.ListAsync(store, ct)).FirstOrDefault(d => d.ProcessId == processId) is { } definition
            ? TypedResults.Ok(definition)
            : TypedResults.NotFound();

    private static async Task<Ok<ValidationResult>> Validate(ValidateRequest request, IEngineStore store, IActivityRegistry activities, CancellationToken ct)
    {
        new Validator().Required("xml", request.Xml, Ctms.Engine.Parsing.BpmnParser.MaxCharacters).ThrowIfInvalid();
        var problems = await DefinitionCatalog.ValidateAsync(store, activities, request.Xml!, ct);
        return TypedResults.Ok(new ValidationResult(problems.Count == 0,
            [.. problems.Select(p => new ValidationProblem(p.Code, p.Location.ElementId, p.Location.ElementType, p.Location.Line, p.Message))]));
    }

    private static async Task<FileContentHttpResult> Export(IServiceProvider services, CancellationToken ct)
    {
        var zip = await ActivatorUtilities.CreateInstance<DefinitionsExport>(services).ZipAsync(ct);
        return TypedResults.File(zip, "application/zip", "process-definitions.zip");
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
