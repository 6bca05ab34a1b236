using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Ctms.HospitalSim.Fhir;

/// <summary>Every FHIR body the simulator reads or writes goes through Firely's System.Text.Json converters.</summary>
internal static class FhirJson
{
    public const string ContentType = "application/fhir+json";

    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static byte[] Serialize(Resource resource) => JsonSerializer.SerializeToUtf8Bytes(resource, resource.GetType(), Options);

    public static T Parse<T>(ReadOnlySpan<byte> json) where T : Resource =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("Empty body.");

    /// <summary>A response with a FHIR resource as <c>application/fhir+json</c>.</summary>
    public static IResult Result(Resource resource, int status = StatusCodes.Status200OK, string? location = null) =>
        new FhirResult(resource, status, location);

    /// <summary>An OperationOutcome with one issue, the FHIR way to say what went wrong.</summary>
    public static IResult Outcome(int status, OperationOutcome.IssueType code, string message) =>
        new FhirResult(OperationOutcomeOf(code, message), status, null);

    public static OperationOutcome OperationOutcomeOf(OperationOutcome.IssueType code, string message) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = code,
                Diagnostics = message,
            },
        ],
    };

    private sealed class FhirResult(Resource resource, int status, string? location) : IResult
    {
        public async System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = ContentType;
            if (location is not null)
                response.Headers.Location = location;
            await response.Body.WriteAsync(Serialize(resource), httpContext.RequestAborted);
        }
    }
}
