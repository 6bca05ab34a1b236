using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Ctms.HospitalSim.Tests;

public class BulkExportTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private static readonly FhirJsonDeserializer Parser = new();

    [Fact]
    public async Task An_export_answers_a_manifest_and_streams_the_lines_with_the_broken_ones_broken()
    {
        using var kickOff = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Simulator.BaseUrl, "$export?_type=Observation&_simCount=40&_simBrokenLines=5,17"));
        kickOff.Headers.Add("Prefer", "respond-async");
        using var accepted = await fixture.Http.SendAsync(kickOff);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var status = accepted.Content.Headers.ContentLocation ?? accepted.Headers.Location;
        status!.ToString().ShouldStartWith($"{fixture.Simulator.BaseUrl}_bulk/");

        using var manifest = JsonDocument.Parse(await fixture.Http.GetStringAsync(status));
        manifest.RootElement.GetProperty("requiresAccessToken").GetBoolean().ShouldBeFalse();
        var output = manifest.RootElement.GetProperty("output").EnumerateArray().Single();
        output.GetProperty("type").GetString().ShouldBe("Observation");
        output.GetProperty("count").GetInt32().ShouldBe(40);

        using var file = await fixture.Http.GetAsync(output.GetProperty("url").GetString(), HttpCompletionOption.ResponseHeadersRead);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+ndjson");
        var lines = (await file.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(40);
        var broken = new List<int>();
        for (var n = 1; n <= lines.Length; n++)
        {
            try
            {
                var observation = Parser.Deserialize<Observation>(lines[n - 1]);
                observation.Id.ShouldBe($"obs-bulk-{n}");
                fixture.Simulator.Data.FindPatient(observation.Subject.Reference["Patient/".Length..]).ShouldNotBeNull();
                observation.Value.ShouldBeOfType<Quantity>();
            }
            catch (Exception e) when (e is DeserializationFailedException or JsonException)
            {
                broken.Add(n);
            }
        }
        broken.ShouldBe([5, 17]);
    }

    [Fact]
    public async Task By_default_an_export_holds_every_lab_result_of_the_patients()
    {
        using var kickOff = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Simulator.BaseUrl, "Observation/$export"));
        kickOff.Headers.Add("Prefer", "respond-async");
        using var accepted = await fixture.Http.SendAsync(kickOff);

        using var manifest = JsonDocument.Parse(await fixture.Http.GetStringAsync(accepted.Content.Headers.ContentLocation));
        manifest.RootElement.GetProperty("output")[0].GetProperty("count").GetInt32()
            .ShouldBe(fixture.Simulator.Data.Patients.Sum(p => p.Observations.Count));
    }

    [Fact]
    public async Task A_kick_off_without_prefer_respond_async_is_refused()
    {
        using var response = await fixture.Http.GetAsync(new Uri(fixture.Simulator.BaseUrl, "$export?_type=Observation"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_writer_streams_a_large_file_line_by_line()
    {
        // Its speed is measured by the bulk-import benchmark (bench/), not here: a timed unit test measures the machine.
        await using var counter = new LineCounter();

        await BulkObservations.WriteNdjsonAsync(counter, fixture.Simulator.Data, 100_000, null);

        counter.Lines.ShouldBe(100_000);
    }

    /// <summary>A write-only stream that counts newlines, so a million lines need no memory.</summary>
    private sealed class LineCounter : Stream
    {
        public long Lines { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Lines += buffer.Count((byte)'\n');

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
