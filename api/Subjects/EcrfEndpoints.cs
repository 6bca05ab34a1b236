using System.Text.Json.Nodes;
using Ctms.Api.Tasks;
using Ctms.Domain.Signatures;
using Ctms.Domain.Subjects.Ecrf;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Subjects;

/// <summary>
/// e-CRF data entry (O13): pages of a visit entered and corrected with a reason, queries raised by edit checks or by the
/// CRA / data manager, answered by the site and closed, and the investigator's sign-off as an electronic signature.
/// </summary>
internal static class EcrfEndpoints
{
    public static IEndpointRouteBuilder MapSubjectEcrfEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPut("api/subjects/{subjectId:guid}/visits/{code}/ecrf/{pageCode}", Save).WithTags("e-CRF")
            .WithSummary("Enters or corrects a page of a visit ({data, reason?}): 400 with the field for a value the form refuses (nothing saved); a failing edit check saves and opens a query; a change of saved data needs a reason.");
        app.MapGet("api/subjects/{subjectId:guid}/ecrf", List).WithTags("e-CRF").WithSummary("The subject's entries with their queries and signatures.");
        app.MapPost("api/ecrf-entries/{entryId:guid}/queries", Raise).WithTags("e-CRF").WithSummary("Raises a query on a field (CRA, data manager).");
        app.MapPost("api/ecrf-entries/{entryId:guid}/sign", Sign).WithTags("e-CRF")
            .WithSummary("Signs the page's data ({signature:{password}}; PI, sub-investigator): \"I confirm this page's data\". 409 while a query is not closed.");
        app.MapPost("api/ecrf-queries/{queryId:guid}/answer", Answer).WithTags("e-CRF").WithSummary("Answers a query ({text}; the site).");
        app.MapPost("api/ecrf-queries/{queryId:guid}/close", Close).WithTags("e-CRF").WithSummary("Closes a query (CRA, data manager).");
        return app;
    }

    public sealed record SaveRequest(JsonObject? Data, string? Reason);

    public sealed record QueryRequest(string? Field, string? Text);

    public sealed record AnswerRequest(string? Text);

    public sealed record SignRequest(TasksEndpoints.SignatureRequest? Signature);

    private static async Task<Ok<EcrfEntryDto>> Save(Guid subjectId, string code, string pageCode, SaveRequest request, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveEcrfEntry(subjectId, code, pageCode, request.Data, request.Reason), ct));

    private static async Task<Ok<IReadOnlyList<EcrfEntryDto>>> List(Guid subjectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListSubjectEcrf(subjectId), ct));

    private static async Task<Created<EcrfQueryDto>> Raise(Guid entryId, QueryRequest request, IMediator mediator, CancellationToken ct)
    {
        var query = await mediator.Send(new RaiseEcrfQuery(entryId, request.Field ?? "", request.Text ?? ""), ct);
        return TypedResults.Created($"/api/ecrf-queries/{query.Id}", query);
    }

    private static async Task<Ok<EcrfQueryDto>> Answer(Guid queryId, AnswerRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new AnswerEcrfQuery(queryId, request.Text ?? ""), ct));

    private static async Task<Ok<EcrfQueryDto>> Close(Guid queryId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CloseEcrfQuery(queryId), ct));

    /// <summary>The password is checked first (a wrong one counts toward lockout even though nothing is signed), then the sign-off runs with the proof.</summary>
    private static async Task<Ok<EcrfEntryDto>> Sign(Guid entryId, SignRequest request, SignatureAuthenticator authenticator, SignatureSession session,
        IMediator mediator, CancellationToken ct)
    {
        session.Accept(await authenticator.ReauthenticateAsync(request.Signature?.Password, EcrfEntry.SignatureMeaning, ct));
        return TypedResults.Ok(await mediator.Send(new SignEcrfEntry(entryId), ct));
    }
}
