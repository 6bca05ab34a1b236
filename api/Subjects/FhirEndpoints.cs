using System.Text;
using System.Text.Json;
using Ctms.Domain.Subjects.Exchange;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Mediator;

namespace Ctms.Api.Subjects;

/// <summary>
/// Exchange (item 7 of issue 9): the project as a FHIR R4 ResearchStudy and its subjects as ResearchSubjects (a searchset
/// Bundle), <c>application/fhir+json</c>, for subjects.export holders. No arm allocation is ever in them.
/// </summary>
internal static class FhirEndpoints
{
    private const string FhirJson = "application/fhir+json";
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static IEndpointRouteBuilder MapSubjectFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("api/projects/{projectId:guid}/fhir").WithTags("Subjects");
        fhir.MapGet("ResearchStudy", Study).WithSummary("The project as a FHIR R4 ResearchStudy: protocol number, title, status, phase, sponsor, arms by name.")
            .Produces(StatusCodes.Status200OK, contentType: FhirJson);
        fhir.MapGet("ResearchSubject", Subjects).WithSummary("The project's subjects as a FHIR R4 searchset Bundle of ResearchSubject (hospital patient by MRN; never an arm).")
            .Produces(StatusCodes.Status200OK, contentType: FhirJson);
        return app;
    }

    private static async Task<IResult> Study(Guid projectId, IMediator mediator, CancellationToken ct) =>
        Fhir(await mediator.Send(new GetFhirResearchStudy(projectId), ct));

    private static async Task<IResult> Subjects(Guid projectId, IMediator mediator, CancellationToken ct) =>
        Fhir(await mediator.Send(new GetFhirResearchSubjects(projectId), ct));

    private static IResult Fhir(Resource resource) => Results.Text(JsonSerializer.Serialize(resource, Options), FhirJson, Encoding.UTF8);
}
