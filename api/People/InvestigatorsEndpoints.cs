using Ctms.Domain.Common;
using Ctms.Domain.People;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.People;

/// <summary>Investigators (A04): profiles, GCP certificates, CVs, and the warnings about expiring certificates.</summary>
internal static class InvestigatorsEndpoints
{
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("api/people").WithTags("People");
        people.MapGet("investigators", List).WithSummary("Every investigator with the state of their GCP qualification (CTI office).");
        people.MapGet("investigators/{userName}", Get).WithName("GetInvestigator").WithSummary("Profile, certificates and CVs (the person or the CTI office).");
        people.MapPut("investigators/{userName}", UpdateProfile).WithSummary("Edit the profile (the person or the CTI office).");
        people.MapPost("investigators/{userName}/certificates", RecordCertificate).WithSummary("Record a verified GCP certificate (CTI office).");
        people.MapPost("investigators/{userName}/cvs", UploadCv).DisableAntiforgery()
            .WithSummary("Upload a CV (multipart, field 'file'; PDF, PNG or JPEG up to 10 MB). The latest counts; all are kept.");
        people.MapPost("investigators/{userName}/certificate-scans", UploadScan).DisableAntiforgery()
            .WithSummary("Upload a certificate scan (multipart, field 'file'), then name it when recording the certificate.");
        people.MapGet("investigators/{userName}/files/{fileId:guid}", Download).WithSummary("Download a CV or scan (the person or the CTI office).");
        people.MapGet("qualification-warnings", Warnings)
            .WithSummary("Who on which project is pi or sub-investigator with an expired, soon expiring (30 days) or missing certificate.");
        CrcEndpoints.Map(app);
        return app;
    }

    public sealed record ProfileRequest(string? Title, string? Department, string? Specialty, string? LicenceNumber, string? Phone);

    public sealed record CertificateRequest(string Issuer, string CertificateNumber, DateOnly IssuedOn, DateOnly ExpiresOn, Guid? ScanFileId);

    private static async Task<Ok<IReadOnlyList<InvestigatorSummaryDto>>> List(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListInvestigators(), ct));

    private static async Task<Ok<InvestigatorDto>> Get(string userName, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetInvestigator(userName), ct));

    private static async Task<Ok<InvestigatorProfileDto>> UpdateProfile(string userName, ProfileRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateInvestigatorProfile(userName, request.Title, request.Department, request.Specialty,
            request.LicenceNumber, request.Phone), ct));

    private static async Task<Created<GcpCertificateDto>> RecordCertificate(string userName, CertificateRequest request, IMediator mediator, CancellationToken ct)
    {
        var certificate = await mediator.Send(new RecordGcpCertificate(userName, request.Issuer, request.CertificateNumber, request.IssuedOn,
            request.ExpiresOn, request.ScanFileId), ct);
        return TypedResults.Created($"/api/people/investigators/{Uri.EscapeDataString(certificate.UserName)}", certificate);
    }

    private static Task<Created<PersonFileDto>> UploadCv(string userName, IFormFile? file, IMediator mediator, CancellationToken ct) =>
        UploadAsync(userName, PersonFileKind.Cv, file, mediator, ct);

    private static Task<Created<PersonFileDto>> UploadScan(string userName, IFormFile? file, IMediator mediator, CancellationToken ct) =>
        UploadAsync(userName, PersonFileKind.GcpCertificate, file, mediator, ct);

    private static async Task<Created<PersonFileDto>> UploadAsync(string userName, PersonFileKind kind, IFormFile? file, IMediator mediator, CancellationToken ct)
    {
        if (file is null)
        {
            throw DomainValidationException.For("file", "Send the file as multipart/form-data in the field 'file'.");
        }
        if (file.Length > PeopleFileStore.MaxBytes)
        {
            // Refused before it is read into memory.
            throw DomainValidationException.For("file", $"The file is larger than {PeopleFileStore.MaxBytes / (1024 * 1024)} MB.");
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var stored = await mediator.Send(new UploadPersonFile(userName, kind, file.FileName, buffer.ToArray()), ct);
        return TypedResults.Created($"/api/people/investigators/{Uri.EscapeDataString(stored.UserName)}/files/{stored.Id}", stored);
    }

    private static async Task<FileContentHttpResult> Download(string userName, Guid fileId, IMediator mediator, CancellationToken ct)
    {
        var content = await mediator.Send(new GetPersonFile(userName, fileId), ct);
        return TypedResults.File(content.Content, content.File.ContentType, content.File.FileName);
    }

    private static async Task<Ok<IReadOnlyList<QualificationWarningDto>>> Warnings(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListQualificationWarnings(), ct));
}
