using System.Text;
using Ctms.Domain.Integration.BulkImport;

namespace Ctms.Domain.Tests.Integration.BulkImport;

public sealed class NdjsonReaderTests
{
    [Fact]
    public async Task Lines_come_with_their_numbers_and_the_offset_after_them_across_buffer_refills_and_from_a_checkpoint()
    {
        var lines = Enumerable.Range(1, 5000).Select(n => new string('x', n % 700) + n).ToList();
        var bytes = Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
        var read = new List<(long Line, long Offset, string Text)>();
        var reader = new NdjsonReader(new MemoryStream(bytes), 0, 0);
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            read.Add((reader.LineNumber, reader.Offset, Encoding.UTF8.GetString(line.Span)));
        }
        read.Select(r => r.Text).ShouldBe(lines);
        read[^1].Offset.ShouldBe(bytes.Length);

        var checkpoint = read[2999];
        var stream = new MemoryStream(bytes);
        stream.Seek(checkpoint.Offset, SeekOrigin.Begin);
        var resumed = new NdjsonReader(stream, checkpoint.Line, checkpoint.Offset);
        var next = await resumed.ReadLineAsync(CancellationToken.None);
        Encoding.UTF8.GetString(next!.Value.Span).ShouldBe(lines[3000]);
        resumed.LineNumber.ShouldBe(3001);
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Observation\",\"id\":\"o1\",\"subject\":{\"reference\":\"Patient/p1\"},\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"718-7\"}]}}", null)]
    [InlineData("{\"resourceType\":\"Observation\",\"id\":\"o1\",\"subj", "not JSON")]
    [InlineData("{\"resourceType\":\"Patient\",\"id\":\"p1\"}", "not an Observation")]
    [InlineData("{\"resourceType\":\"Observation\",\"id\":\"o1\",\"code\":{\"coding\":[{\"code\":\"718-7\"}]}}", "no subject (Patient/{id})")]
    [InlineData("{\"resourceType\":\"Observation\",\"id\":\"o1\",\"subject\":{\"reference\":\"Patient/p1\"}}", "no code")]
    [InlineData("{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/p1\"},\"code\":{\"coding\":[{\"code\":\"718-7\"}]}}", "no id")]
    public void A_line_is_read_or_refused_with_a_reason_that_does_not_quote_it(string json, string? reason)
    {
        var parsed = ObservationLine.Parse(Encoding.UTF8.GetBytes(json), out var why);
        why.ShouldBe(reason);
        (parsed is null).ShouldBe(reason is not null);
    }
}
