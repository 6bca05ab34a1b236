using System.Security.Claims;
using Ctms.Api.Engine;
using Ctms.Domain.Common;
using Ctms.Engine.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Processes;

/// <summary>Task forms (form-js JSON): deploy a new version, read the latest or a given version.</summary>
internal static class FormsEndpoints
{
    public static IEndpointRouteBuilder MapFormsEndpoints(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("api/forms").WithTags("Processes");
        forms.MapPost("", Deploy).RequireAuthorization(ProcessDefinitionsEndpoints.SopEditors)
            .WithSummary("Deploy a form-js form (CTI director, CTI secretary, admin); changed content makes a new version.");
        forms.MapGet("", List).WithSummary("Every deployed form with its versions, newest first.");
        forms.MapGet("{formId}", Latest).WithSummary("The latest version of a form, as form-js JSON.");
        forms.MapGet("{formId}/versions/{version:int}", Version).WithSummary("One version of a form, as deployed.");
        return app;
    }

    public sealed record DeployFormRequest(string Name, string Json);

    public sealed record FormVersion(string FormId, int Version, string ResourceName, DateTimeOffset DeployedAt);

    public sealed record FormSummary(string FormId, int LatestVersion, IReadOnlyList<FormVersion> Versions);

    private static async Task<Ok<IReadOnlyList<FormSummary>>> List(FormRepository forms, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<FormSummary>>([.. (await forms.ListAsync(ct)).GroupBy(f => f.FormId).Select(g => new FormSummary(g.Key, g.Max(f => f.Version),
            [.. g.OrderByDescending(f => f.Version).Select(f => new FormVersion(f.FormId, f.Version, f.ResourceName, f.DeployedAt))]))]);

    private static async Task<Created<FormVersion>> Deploy(DeployFormRequest request, EngineCommands commands, ClaimsPrincipal user, CancellationToken ct)
    {
        new Validator().Required("name", request.Name, 200).Required("json", request.Json, FormRepository.MaxCharacters).ThrowIfInvalid();
        var row = await commands.RunScopedAsync(user, (s, token) => s.GetRequiredService<FormRepository>().DeployAsync(request.Name.Trim(), request.Json, token), ct);
        return TypedResults.Created($"/api/forms/{row.FormId}/versions/{row.Version}", new FormVersion(row.FormId, row.Version, row.ResourceName, row.DeployedAt));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Latest(string formId, FormRepository forms, CancellationToken ct) =>
        await forms.LatestAsync(formId, ct) is { } row ? TypedResults.Content(row.Json, "application/json") : TypedResults.NotFound();

    private static async Task<Results<ContentHttpResult, NotFound>> Version(string formId, int version, FormRepository forms, CancellationToken ct) =>
        await forms.VersionAsync(formId, version, ct) is { } row ? TypedResults.Content(row.Json, "application/json") : TypedResults.NotFound();
}
