using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace Ctms.HospitalSim.Fhir;

/// <summary>
/// FHIR Bulk Data export of lab results: the async kick-off (<c>$export</c> with <c>Prefer: respond-async</c>), the
/// status URL answering the manifest, and the ndjson file streamed as it is generated. <c>_simCount</c> and
/// <c>_simBrokenLines</c> on the kick-off are the simulator's own knobs for size and broken lines.
/// </summary>
internal static class BulkExportEndpoints
{
    public static void MapBulkExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("fhir/$export", KickOff);
        app.MapGet("fhir/Observation/$export", KickOff);
        app.MapGet("fhir/_bulk/{jobId}", Manifest);
        app.MapGet("fhir/_bulk/{jobId}/Observation.ndjson", File);
    }

    private static IResult KickOff(HttpRequest request, SimState state)
    {
        if (!request.Headers.TryGetValue("Prefer", out var prefer) || !prefer.ToString().Contains("respond-async", StringComparison.OrdinalIgnoreCase))
            return Invalid("A bulk export needs the header 'Prefer: respond-async'.");
        var types = request.Query["_type"].ToString();
        if (types.Length > 0 && types != "Observation")
            return Invalid("Only _type=Observation can be exported.");
        int count;
        if (request.Query["_simCount"].ToString() is { Length: > 0 } countText)
        {
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count))
                return Invalid("_simCount must be a whole number.");
        }
        else
        {
            count = BulkObservations.DefaultCount(state.Data);
        }
        var broken = new HashSet<int>();
        foreach (var part in request.Query["_simBrokenLines"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var line) || line < 1)
                return Invalid("_simBrokenLines is a comma-separated list of 1-based line numbers.");
            broken.Add(line);
        }
        var job = new BulkJob(Guid.NewGuid().ToString("N"), $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}",
            SyntheticHospital.Now(), count, broken);
        state.BulkJobs[job.Id] = job;
        request.HttpContext.Response.Headers.ContentLocation = $"{state.BaseUrl}_bulk/{job.Id}";
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static IResult Manifest(string jobId, SimState state)
    {
        if (!state.BulkJobs.TryGetValue(jobId, out var job))
            return FhirJson.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"No bulk export job {jobId}.");
        var manifest = new
        {
            transactionTime = job.TransactionTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
            request = job.Request,
            requiresAccessToken = false,
            output = new[] { new { type = "Observation", url = $"{state.BaseUrl}_bulk/{job.Id}/Observation.ndjson", count = job.Count } },
            error = Array.Empty<object>(),
        };
        return Results.Json(manifest, JsonSerializerOptions.Web, "application/json");
    }

    private static async System.Threading.Tasks.Task File(string jobId, HttpContext context, SimState state)
    {
        if (!state.BulkJobs.TryGetValue(jobId, out var job))
        {
            await FhirJson.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"No bulk export job {jobId}.")
                .ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "application/fhir+ndjson";
        await BulkObservations.WriteNdjsonAsync(context.Response.Body, state.Data, job.Count, job.BrokenLines.ToHashSet(), context.RequestAborted);
    }

    private static IResult Invalid(string message) =>
        FhirJson.Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, message);
}
