using System.Net.Http.Headers;
using Ctms.Domain.Integration.BulkImport;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Privacy;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Integration.BulkImport;

internal static class BulkImportTestData
{
    public const string Imports = "/api/integration/lab-results/imports";

    public sealed record RunBody(Guid Id, string Source, string FileName, string? Sha256, long SizeBytes, string Status, long LinesRead, long Imported,
        long Duplicates, long NotRegistered, long BrokenLines, long CheckpointLine, long CheckpointOffset, string? Error, bool Active,
        List<ErrorBody>? Errors);

    public sealed record ErrorBody(long LineNumber, string Reason);

    public static string PatientId(int index) => $"pat-{index + 1:00000}";

    /// <summary>
    /// An ndjson file of <paramref name="count"/> lab Observations in the shape of the hospital's bulk export: line n is
    /// <c>obs-{prefix}-{n}</c> of patient (n - 1) mod <paramref name="patients"/>; the 1-based <paramref name="broken"/> lines are cut in half.
    /// </summary>
    public static byte[] Ndjson(string prefix, int count, int patients, params int[] broken)
    {
        var text = new System.Text.StringBuilder();
        for (var n = 1; n <= count; n++)
        {
            var line = $$$"""{"resourceType":"Observation","id":"obs-{{{prefix}}}-{{{n}}}","status":"final","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],"code":{"coding":[{"system":"http://loinc.org","code":"718-7","display":"Hemoglobin"}]},"subject":{"reference":"Patient/{{{PatientId((n - 1) % patients)}}}"},"effectiveDateTime":"2025-{{{1 + n % 12:00}}}-{{{1 + n % 28:00}}}T08:30:00Z","valueQuantity":{"value":{{{10 + n % 70 / 10.0:0.0}}},"unit":"g/dL","system":"http://unitsofmeasure.org","code":"g/dL"},"interpretation":[{"coding":[{"code":"N"}]}],"referenceRange":[{"low":{"value":12},"high":{"value":16}}]}""";
            text.Append(broken.Contains(n) ? line[..(line.Length / 2)] : line).Append('\n');
        }
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Registers the hospital's patients with these indexes in the CTMS (as registering them for a project does).</summary>
    public static async Task<Dictionary<string, Guid>> RegisterAsync(CtmsAppFactory app, params int[] indexes)
    {
        await using var scope = app.Scope();
        var registry = scope.ServiceProvider.GetRequiredService<PatientRegistry>();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var ids = new Dictionary<string, Guid>();
        foreach (var i in indexes)
        {
            var patient = await registry.RegisterAsync(new HospitalPatient(PatientId(i), $"M{90000000 + i}", null, "Wang", "Xiaoming", "Wang Xiaoming",
                new DateOnly(1970, 1, 1).AddDays(i), "male", []), CancellationToken.None);
            ids[PatientId(i)] = patient.Id;
        }
        await db.SaveChangesAsync();
        return ids;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+ndjson");
        form.Add(file, "file", fileName);
        return await client.PostAsync(Imports, form);
    }

    /// <summary>Polls the run until it is no longer running in the background.</summary>
    public static async Task<RunBody> FinishedAsync(HttpClient client, Guid runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var run = await (await client.GetAsync($"{Imports}/{runId}")).ReadAsync<RunBody>();
            if (!run.Active && run.Status != nameof(BulkImportStatus.Running))
            {
                return run;
            }
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"the import did not finish in a minute: {run}");
            await Task.Delay(50);
        }
    }

    /// <summary>The lab results a run stored: hospital id and patient, to compare two imports.</summary>
    public static async Task<List<(string HospitalId, Guid PatientId, decimal? Value)>> RowsAsync(CtmsAppFactory app, Guid? runId = null)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var rows = await db.LabResults.AsNoTracking().Where(r => runId == null || r.ImportRunId == runId)
            .Select(r => new { r.HospitalId, r.PatientId, r.Value }).ToListAsync();
        return rows.Select(r => (r.HospitalId, r.PatientId, r.Value)).OrderBy(r => r.HospitalId, StringComparer.Ordinal).ToList();
    }
}
