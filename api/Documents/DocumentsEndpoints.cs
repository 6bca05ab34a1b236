using Ctms.Domain.Documents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Ctms.Api.Documents;

/// <summary>
/// A project's application materials: upload (multipart), list, checklist, download, and the reviewers' annotations.
/// A project or version the caller may not read answers 404.
/// </summary>
internal static class DocumentsEndpoints
{
    // Room for the multipart framing and the form's small fields around a file of the maximum size.
    private const long MultipartOverhead = 64 * 1024;

    public static IEndpointRouteBuilder MapDocumentsEndpoints(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<FileStoreOptions>().MaxBytes;
        var projects = app.MapGroup("api/projects/{projectId:guid}/documents").WithTags("Documents");
        projects.MapGet("", ListDocuments).WithSummary("The project's documents, each with its versions (newest first).");
        projects.MapPost("", Upload)
            .WithSummary("Upload a file (multipart: file, code, comment, title) as the next version of the checklist item or category.")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            // API clients send a bearer token and have no antiforgery token; the studio's cookie is SameSite=Strict, so a
            // form posted from another site carries no session.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimit(maxBytes + MultipartOverhead))
            .WithFormOptions(multipartBodyLengthLimit: maxBytes + MultipartOverhead);
        projects.MapGet("checklist", Checklist).WithSummary("The documents the project needs by its type and phase, and which are uploaded.");
        projects.MapGet("permissions", Permissions).WithSummary("What the caller may do with the project's documents now (upload, annotate).");
        projects.MapGet("annotations", ListProjectAnnotations).WithSummary("The annotations on the project's documents (openOnly, latestOnly).");

        var documents = app.MapGroup("api/documents").WithTags("Documents");
        documents.MapGet("versions/{versionId:guid}/content", Download)
            .WithSummary("Download a version (inline=true shows a PDF in the browser).");
        documents.MapGet("versions/{versionId:guid}/annotations", ListVersionAnnotations).WithSummary("The annotations on one version.");
        documents.MapPost("versions/{versionId:guid}/annotations", Annotate).WithSummary("Annotate a version (CTI office).");
        documents.MapPost("annotations/{annotationId:guid}/resolve", Resolve).WithSummary("Resolve an annotation (CTI office).");
        return app;
    }

    public sealed record AnnotationRequest(string Text, int? Page, string? Anchor);

    private static async Task<Ok<IReadOnlyList<ProjectDocumentDto>>> ListDocuments(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListProjectDocuments(projectId), ct));

    private static async Task<Created<DocumentVersionDto>> Upload(Guid projectId, IFormFile? file, [FromForm] string? code,
        [FromForm] string? comment, [FromForm] string? title, IMediator mediator, CancellationToken ct)
    {
        if (file is null)
        {
            throw Ctms.Domain.Common.DomainValidationException.For("File", "Send the file as the multipart field 'file'.");
        }
        await using var content = file.OpenReadStream();
        var version = await mediator.Send(new UploadDocument(projectId, code ?? "", file.FileName, content, comment, title), ct);
        return TypedResults.Created($"/api/documents/versions/{version.Id}/content", version);
    }

    private static async Task<Ok<DocumentChecklistDto>> Checklist(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetDocumentChecklist(projectId), ct));

    private static async Task<Ok<DocumentPermissionsDto>> Permissions(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetDocumentPermissions(projectId), ct));

    private static async Task<Ok<IReadOnlyList<DocumentAnnotationDto>>> ListProjectAnnotations(Guid projectId, bool? openOnly, bool? latestOnly,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAnnotations(ProjectId: projectId, OpenOnly: openOnly ?? false, LatestVersionsOnly: latestOnly ?? false), ct));

    private static async Task<FileStreamHttpResult> Download(Guid versionId, bool? inline, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new GetDocumentContent(versionId), ct);
        // The type is the sniffed one; the browser must not guess another (a text file rendered as HTML).
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var showInline = inline == true && file.ContentType == FileKind.Pdf.ContentType;
        if (showInline)
        {
            http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline")
            {
                FileNameStar = file.FileName,
            }.ToString();
        }
        return TypedResults.File(file.Content, file.ContentType, showInline ? null : file.FileName,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    private static async Task<Ok<IReadOnlyList<DocumentAnnotationDto>>> ListVersionAnnotations(Guid versionId, bool? openOnly,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAnnotations(VersionId: versionId, OpenOnly: openOnly ?? false), ct));

    private static async Task<Created<DocumentAnnotationDto>> Annotate(Guid versionId, AnnotationRequest request, IMediator mediator, CancellationToken ct)
    {
        var annotation = await mediator.Send(new AddAnnotation(versionId, request.Text, request.Page, request.Anchor), ct);
        return TypedResults.Created($"/api/documents/versions/{versionId}/annotations", annotation);
    }

    private static async Task<Ok<DocumentAnnotationDto>> Resolve(Guid annotationId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ResolveAnnotation(annotationId), ct));

    /// <summary>The request body limit of the upload endpoint, above the server's default so the cap is what decides.</summary>
    private sealed class RequestSizeLimit(long maxBytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = maxBytes;
    }
}
