using Ctms.Domain.Integration.BulkImport;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Ctms.Api.Integration;

/// <summary>
/// Bulk imports of lab results (FHIR Bulk Data ndjson) for the integration administrators: upload a file or have the hospital
/// export its Observations, then follow the run. Imports run in the background: starting or resuming answers 202 with the
/// run, which the caller polls.
/// </summary>
internal static class BulkImportEndpoints
{
    private const long MultipartOverhead = 64 * 1024;

    public static IEndpointRouteBuilder MapBulkImportEndpoints(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<BulkImportOptions>>().Value.MaxUploadBytes;
        var imports = app.MapGroup("api/integration/lab-results/imports").WithTags("Hospital");
        imports.MapPost("", Upload)
            .WithSummary("Upload an ndjson file of lab Observations (multipart field 'file'); it is stored, then imported in the background (202 with the run). Results of patients not registered in the CTMS are skipped.")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            // API clients send a bearer token and have no antiforgery token; the studio's cookie is SameSite=Strict.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimit(maxBytes + MultipartOverhead))
            .WithFormOptions(multipartBodyLengthLimit: maxBytes + MultipartOverhead);
        imports.MapPost("from-hospital", FromHospital)
            .WithSummary("Export the hospital's lab Observations (FHIR Bulk Data $export), download and import them in the background (202 with the run).");
        imports.MapGet("", List).WithSummary("Import runs, newest first, with their counts and checkpoint.");
        imports.MapGet("{runId:guid}", Get).WithSummary("One import run with its first broken lines (line number and reason).");
        imports.MapPost("{runId:guid}/resume", Resume)
            .WithSummary("Continue a failed or interrupted run from its checkpoint (202); 409 when it finished or is running.");
        return app;
    }

    private static async Task<Accepted<BulkImportRunDto>> Upload(IFormFile? file, IntegrationAccess access, BulkImports imports, CancellationToken ct)
    {
        await access.EnsureAdministratorAsync(ct);
        if (file is null)
        {
            throw Ctms.Domain.Common.DomainValidationException.For("file", "Send the ndjson file as the multipart field 'file'.");
        }
        await using var content = file.OpenReadStream();
        return Accepted(await imports.UploadAsync(file.FileName, content, ct));
    }

    private static async Task<Accepted<BulkImportRunDto>> FromHospital(IntegrationAccess access, BulkImports imports, CancellationToken ct)
    {
        await access.EnsureAdministratorAsync(ct);
        return Accepted(await imports.FromHospitalAsync(ct));
    }

    private static async Task<Ok<IReadOnlyList<BulkImportRunDto>>> List(int? limit, IntegrationAccess access, BulkImports imports, CancellationToken ct)
    {
        await access.EnsureAdministratorAsync(ct);
        return TypedResults.Ok(await imports.ListAsync(limit ?? 50, ct));
    }

    private static async Task<Ok<BulkImportRunDto>> Get(Guid runId, IntegrationAccess access, BulkImports imports, CancellationToken ct)
    {
        await access.EnsureAdministratorAsync(ct);
        return TypedResults.Ok(await imports.GetAsync(runId, ct));
    }

    private static async Task<Accepted<BulkImportRunDto>> Resume(Guid runId, IntegrationAccess access, BulkImports imports, CancellationToken ct)
    {
        await access.EnsureAdministratorAsync(ct);
        return Accepted(await imports.ResumeAsync(runId, ct));
    }

    private static Accepted<BulkImportRunDto> Accepted(BulkImportRunDto run) => TypedResults.Accepted($"/api/integration/lab-results/imports/{run.Id}", run);

    private sealed class RequestSizeLimit(long maxBytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => maxBytes;
    }
}
