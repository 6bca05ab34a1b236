using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Ctms.HospitalSim.Data;

namespace Ctms.HospitalSim;

/// <summary>
/// Writes lab results as FHIR Bulk Data ndjson (one Observation per line), generated on the fly so that a million lines
/// need no memory: line n is <c>obs-bulk-{n}</c>, for the sim's patient (n - 1) mod the patient count, with a value
/// derived from n alone. Written with <see cref="Utf8JsonWriter"/> rather than Firely's POCOs because speed is the point;
/// the tests parse the lines with Firely to show they are valid FHIR.
/// </summary>
public static class BulkObservations
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };
    private static readonly JsonEncodedText CategorySystem = JsonEncodedText.Encode("http://terminology.hl7.org/CodeSystem/observation-category");
    private static readonly JsonEncodedText InterpretationSystem = JsonEncodedText.Encode("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation");
    private static readonly JsonEncodedText Loinc = JsonEncodedText.Encode(SimCatalog.Loinc);
    private static readonly JsonEncodedText Ucum = JsonEncodedText.Encode(SimCatalog.Ucum);
    private static readonly JsonEncodedText Laboratory = JsonEncodedText.Encode("laboratory");
    private static readonly JsonEncodedText LaboratoryDisplay = JsonEncodedText.Encode("Laboratory");
    private static readonly (JsonEncodedText Code, JsonEncodedText Display, JsonEncodedText Unit)[] Tests =
        [.. SimCatalog.LabTests.Select(t => (JsonEncodedText.Encode(t.Loinc), JsonEncodedText.Encode(t.Display), JsonEncodedText.Encode(t.Unit)))];
    private static readonly JsonEncodedText[] Interpretations = [JsonEncodedText.Encode("H"), JsonEncodedText.Encode("L"), JsonEncodedText.Encode("N")];

    /// <summary>
    /// Writes <paramref name="count"/> lines; the 1-based <paramref name="brokenLines"/> are cut in the middle
    /// (truncated JSON), to test an import that meets broken lines.
    /// </summary>
    public static async System.Threading.Tasks.Task WriteNdjsonAsync(Stream stream, SyntheticHospital data, int count, ISet<int>? brokenLines,
        CancellationToken ct = default)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 17);
        var line = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(line, WriterOptions);
        for (var n = 1; n <= count; n++)
        {
            line.ResetWrittenCount();
            writer.Reset(line);
            Write(writer, data, n);
            writer.Flush();
            var json = line.WrittenSpan;
            if (brokenLines?.Contains(n) == true)
                json = json[..(json.Length / 2)];
            buffer.Write(json);
            buffer.Write("\n"u8);
            if (buffer.WrittenCount > (1 << 16))
            {
                await stream.WriteAsync(buffer.WrittenMemory, ct);
                buffer.ResetWrittenCount();
            }
        }
        await stream.WriteAsync(buffer.WrittenMemory, ct);
        await stream.FlushAsync(ct);
    }

    /// <summary>How many lines an export holds when the kick-off does not say: all the patients' lab results.</summary>
    public static int DefaultCount(SyntheticHospital data) => data.Patients.Sum(p => p.Observations.Count);

    private static void Write(Utf8JsonWriter w, SyntheticHospital data, int n)
    {
        var hash = Mix((ulong)n ^ ((ulong)(uint)data.Options.Seed << 32));
        var patient = data.Patients[(n - 1) % data.Patients.Count];
        var testIndex = (int)(hash % (ulong)SimCatalog.LabTests.Length);
        var test = SimCatalog.LabTests[testIndex];
        var encoded = Tests[testIndex];
        var position = (decimal)((hash >> 16) % 1500) / 1000m - 0.25m;
        var value = Math.Max(0m, Math.Round(test.Low + (test.High - test.Low) * position, test.Decimals));
        var interpretation = Interpretations[value > test.High ? 0 : value < test.Low ? 1 : 2];
        var effective = data.Options.Epoch.AddMinutes(-(double)((hash >> 32) % (365 * 24 * 60)) - 60);

        w.WriteStartObject();
        w.WriteString("resourceType"u8, "Observation"u8);
        w.WriteString("id"u8, "obs-bulk-" + n.ToString(CultureInfo.InvariantCulture));
        w.WriteString("status"u8, "final"u8);
        w.WriteStartArray("category"u8);
        Concept(w, CategorySystem, Laboratory, LaboratoryDisplay);
        w.WriteEndArray();
        w.WritePropertyName("code"u8);
        Concept(w, Loinc, encoded.Code, encoded.Display);
        w.WriteStartObject("subject"u8);
        w.WriteString("reference"u8, "Patient/" + patient.Id);
        w.WriteEndObject();
        w.WriteString("effectiveDateTime"u8, effective.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
        w.WritePropertyName("valueQuantity"u8);
        Quantity(w, value, encoded.Unit);
        w.WriteStartArray("interpretation"u8);
        Concept(w, InterpretationSystem, interpretation, interpretation);
        w.WriteEndArray();
        w.WriteStartArray("referenceRange"u8);
        w.WriteStartObject();
        w.WritePropertyName("low"u8);
        Quantity(w, test.Low, encoded.Unit);
        w.WritePropertyName("high"u8);
        Quantity(w, test.High, encoded.Unit);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Concept(Utf8JsonWriter w, JsonEncodedText system, JsonEncodedText code, JsonEncodedText display)
    {
        w.WriteStartObject();
        w.WriteStartArray("coding"u8);
        w.WriteStartObject();
        w.WriteString("system"u8, system);
        w.WriteString("code"u8, code);
        w.WriteString("display"u8, display);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Quantity(Utf8JsonWriter w, decimal value, JsonEncodedText unit)
    {
        w.WriteStartObject();
        w.WriteNumber("value"u8, value);
        w.WriteString("unit"u8, unit);
        w.WriteString("system"u8, Ucum);
        w.WriteString("code"u8, unit);
        w.WriteEndObject();
    }

    /// <summary>SplitMix64: a cheap, well-spread hash of the line number.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
