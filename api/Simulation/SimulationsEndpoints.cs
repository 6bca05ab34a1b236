using System.Text.Json.Nodes;
using Ctms.Domain.Common;
using Ctms.Engine.Simulation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Simulation;

/// <summary>Simulation for the designer: definitions and a script in, the trace out. Nothing is deployed or stored.</summary>
internal static class SimulationsEndpoints
{
    public static IEndpointRouteBuilder MapSimulationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("api/simulations", Simulate).WithTags("Processes")
            .WithSummary("Run BPMN definitions in memory with a script of task completions, messages and clock moves; returns the trace.");
        return app;
    }

    /// <summary>The first file's executable process is started; the others supply called processes.</summary>
    public sealed record SimulationRequest(IReadOnlyList<SimulationFile> Files, JsonObject? Script);

    public sealed record SimulationFile(string Name, string Xml);

    private static async Task<ContentHttpResult> Simulate(SimulationRequest request, CancellationToken ct)
    {
        if (request.Files is not { Count: > 0 } || request.Files.Any(f => string.IsNullOrWhiteSpace(f.Xml)))
        {
            throw DomainValidationException.For("files", "Give at least one file, each with its BPMN XML.");
        }
        SimulationScript script;
        try
        {
            script = request.Script is null ? SimulationScript.Empty : SimulationScript.Parse(request.Script.ToJsonString());
        }
        catch (FormatException e)
        {
            throw DomainValidationException.For("script", e.Message);
        }
        var result = await Simulator.RunAsync([.. request.Files.Select(f => (f.Name, f.Xml))], script, ct: ct);
        return TypedResults.Content(SimulationJson.Write(result), "application/json");
    }
}
