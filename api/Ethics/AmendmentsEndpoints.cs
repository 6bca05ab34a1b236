using System.Security.Claims;
using Ctms.Api.Engine;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Documents;
using Ctms.Domain.Ethics.Amendments;
using Ctms.Engine.Runtime;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Ethics;

/// <summary>
/// Protocol amendments (A01): the applicant or the PI submits the new protocol and/or consent version with the reason
/// and the changes, and the review process starts in the same transaction; the re-consent requirements an approved
/// consent version leaves for the subjects module.
/// </summary>
internal static class AmendmentsEndpoints
{
    public const string ProcessId = "A01-protocol-amendment";

    // Room for the multipart framing and the small fields around two files of the maximum size.
    private const long MultipartOverhead = 64 * 1024;

    public static IEndpointRouteBuilder MapAmendmentsEndpoints(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<FileStoreOptions>().MaxBytes;
        var ethics = app.MapGroup("api/projects/{projectId:guid}/ethics").WithTags("Ethics");
        ethics.MapPost("amendments", Submit)
            .WithSummary("Submit a protocol amendment (multipart: protocol and/or icf files, reason, changes); starts A01-protocol-amendment.")
            .WithDescription("400 without a new protocol or consent file or without the reason and changes; 409 when a file is the same as the current version or the study has no ethics application yet.")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            // API clients send a bearer token and no antiforgery token; the studio's cookie is SameSite=Strict.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(2 * maxBytes + MultipartOverhead))
            .WithFormOptions(multipartBodyLengthLimit: 2 * maxBytes + MultipartOverhead);
        ethics.MapGet("reconsent", Reconsent)
            .WithSummary("Re-consent requirements, newest first: subjects who consented on a consent version numbered below the first row's must re-consent on it.");
        return app;
    }

    public sealed record AmendmentStarted(AmendmentDto Amendment, Guid InstanceId);

    private static async Task<Created<AmendmentStarted>> Submit(Guid projectId, IFormFile? protocol, IFormFile? icf, [FromForm] string? reason,
        [FromForm] string? changes, EngineCommands commands, ClaimsPrincipal user, CancellationToken ct)
    {
        var started = await commands.RunScopedAsync(user, async (services, token) =>
        {
            var streams = new List<Stream>();
            try
            {
                var files = new List<AmendmentFile>();
                foreach (var (code, file) in new[] { ("protocol", protocol), ("icf", icf) })
                {
                    if (file is not null)
                    {
                        var stream = file.OpenReadStream();
                        streams.Add(stream);
                        files.Add(new AmendmentFile(code, file.FileName, stream));
                    }
                }
                var amendment = await services.GetRequiredService<IMediator>().Send(new SubmitAmendment(projectId, reason ?? "", changes ?? "", files), token);
                var protocolNumber = await services.GetRequiredService<CtmsDbContext>().Projects.AsNoTracking()
                    .Where(p => p.Id == projectId).Select(p => p.ProtocolNumber).SingleAsync(token);
                var instance = await services.GetRequiredService<BpmnEngine>().StartAsync(ProcessId, new Dictionary<string, object?>
                {
                    ["reviewId"] = amendment.ReviewId.ToString(),
                    ["projectId"] = projectId.ToString(),
                    ["amendmentReference"] = amendment.Reference,
                    ["protocolNumber"] = protocolNumber,
                }, projectId.ToString(), null, token);
                return new AmendmentStarted(amendment, instance.Id);
            }
            finally
            {
                foreach (var stream in streams)
                {
                    await stream.DisposeAsync();
                }
            }
        }, ct);
        return TypedResults.Created($"/api/projects/{projectId}/ethics/gate", started);
    }

    private static async Task<Ok<IReadOnlyList<ReconsentRequirementDto>>> Reconsent(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListReconsentRequirements(projectId), ct));
}
