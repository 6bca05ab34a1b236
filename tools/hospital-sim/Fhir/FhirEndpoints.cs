using Hl7.Fhir.Model;

namespace Ctms.HospitalSim.Fhir;

/// <summary>
/// The FHIR REST surface common to every type: <c>GET {Type}?params</c>, <c>POST {Type}/_search</c> (form body),
/// <c>GET {Type}/{id}</c> and the CapabilityStatement at <c>metadata</c>.
/// </summary>
internal static class FhirEndpoints
{
    public static readonly IReadOnlyDictionary<string, ResourceDefinition> Types =
        new[] { PatientResources.Definition, OrderEndpoints.Definition }
            .Concat(ClinicalResources.Definitions())
            .Concat(DictionaryResources.Definitions())
            .ToDictionary(d => d.Type, StringComparer.Ordinal);

    public static void MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("fhir");
        fhir.MapGet("metadata", Metadata);
        fhir.MapGet("{type}", SearchByGet);
        fhir.MapPost("{type}/_search", SearchByPost);
        fhir.MapGet("{type}/{id}", Read);
    }

    private static IResult SearchByGet(string type, HttpRequest request, SimState state) =>
        Search(type, request.Query, posted: false, state);

    private static async Task<IResult> SearchByPost(string type, HttpRequest request, SimState state)
    {
        if (!request.HasFormContentType)
        {
            return FhirJson.Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid,
                "POST _search takes an application/x-www-form-urlencoded body.");
        }
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        return Search(type, form, posted: true, state);
    }

    private static IResult Search(string type, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> parameters,
        bool posted, SimState state)
    {
        if (!Types.TryGetValue(type, out var definition))
            return UnknownType(type);
        try
        {
            var query = SearchQuery.From(parameters, posted, definition);
            return FhirJson.Result(SearchBundle.Page(state.BaseUrl, definition, query, definition.Search(state.Data, query)));
        }
        catch (SearchException e)
        {
            return FhirJson.Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, e.Message);
        }
    }

    private static IResult Read(string type, string id, SimState state)
    {
        if (!Types.TryGetValue(type, out var definition))
            return UnknownType(type);
        return definition.Read(state.Data, id) is { } resource
            ? FhirJson.Result(resource)
            : FhirJson.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"{type}/{id} is not known.");
    }

    private static IResult UnknownType(string type) =>
        FhirJson.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotSupported, $"Resource type '{type}' is not supported.");

    private static IResult Metadata(SimState state)
    {
        var rest = new CapabilityStatement.RestComponent { Mode = CapabilityStatement.RestfulCapabilityMode.Server };
        foreach (var definition in Types.Values.OrderBy(d => d.Type, StringComparer.Ordinal))
        {
            var resource = new CapabilityStatement.ResourceComponent
            {
                Type = definition.Type,
                Interaction =
                [
                    new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                    new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
                ],
                SearchParam = [.. definition.SearchParams.Select(p => new CapabilityStatement.SearchParamComponent { Name = p })],
            };
            if (definition.Type == "ServiceRequest")
                resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Create });
            rest.Resource.Add(resource);
        }
        rest.Resource.Add(new CapabilityStatement.ResourceComponent
        {
            Type = "Subscription",
            Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Create }],
        });
        rest.Operation.Add(new CapabilityStatement.OperationComponent
        {
            Name = "export",
            Definition = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export",
        });
        var statement = new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            Date = state.Options.Epoch.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "Ctms.HospitalSim" },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "Simulated hospital (development and tests only)", Url = state.BaseUrl },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["application/fhir+json"],
            Rest = [rest],
        };
        return FhirJson.Result(statement);
    }
}
