namespace Ctms.Domain.Integration.BulkImport;

/// <summary>
/// Reads an ndjson file line by line from a byte offset, knowing each line's number and the offset just after it (the
/// checkpoint a resumed run starts from). Lines end with LF (a CR before it is dropped); the last line may lack one.
/// </summary>
internal sealed class NdjsonReader(Stream stream, long firstLineNumber, long offset)
{
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>The number of the last line read (1-based).</summary>
    public long LineNumber { get; private set; } = firstLineNumber;

    /// <summary>The file offset just after the last line read.</summary>
    public long Offset { get; private set; } = offset;

    /// <summary>The next line's bytes (valid until the next call), or null at the end of the file.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken ct)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return Take(newline, newline + 1);
            }
            if (_eof)
            {
                if (_end == _start)
                {
                    return null;
                }
                return Take(_end - _start, _end - _start);
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), ct);
            _eof = read == 0;
            _end += read;
        }
    }

    private ReadOnlyMemory<byte> Take(int length, int consumed)
    {
        var line = _buffer.AsMemory(_start, length);
        if (line.Length > 0 && line.Span[^1] == (byte)'\r')
        {
            line = line[..^1];
        }
        _start += consumed;
        Offset += consumed;
        LineNumber++;
        return line;
    }
}
