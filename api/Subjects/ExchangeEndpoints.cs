using System.Text;
using Ctms.Domain.Subjects.Exchange;
using Mediator;

namespace Ctms.Api.Subjects;

/// <summary>
/// Exchange (item 7 of issue 9): the project's e-CRF metadata and data as CDISC ODM 1.3.2, for subjects.export holders
/// (404 to someone who may not see the project's subjects, 403 to a reader without the action).
/// </summary>
internal static class ExchangeEndpoints
{
    public static IEndpointRouteBuilder MapExchangeEndpoints(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("api/projects/{projectId:guid}").WithTags("Subjects");
        project.MapGet("odm", Odm).WithSummary("The project's e-CRF metadata and clinical data as CDISC ODM 1.3.2 (application/xml); subjects are keyed by subject or screening number, never a patient identifier.")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml");
        project.MapGet("subjects/statistics", Statistics)
            .WithSummary("Subjects by status (with its colour), by month of enrollment, by visit, and screening failure reasons: counts only.");
        return app;
    }

    private static async Task<IResult> Odm(Guid projectId, IMediator mediator, CancellationToken ct)
    {
        var document = await mediator.Send(new ExportOdm(projectId), ct);
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return Results.Text(writer.ToString(), "application/xml", Encoding.UTF8);
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<Ctms.Domain.Subjects.Statistics.SubjectStatisticsDto>> Statistics(Guid projectId,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Ctms.Domain.Subjects.Statistics.GetSubjectStatistics(projectId), ct));

    private sealed class Utf8StringWriter : StringWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
