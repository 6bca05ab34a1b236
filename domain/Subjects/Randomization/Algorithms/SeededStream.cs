using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ctms.Domain.Subjects.Randomization.Algorithms;

/// <summary>
/// The randomization's random numbers: a counter-based generator, HMAC-SHA256 keyed by the scheme's seed over the stream's
/// name and a counter. Unlike <see cref="System.Random"/>, whose sequence is the runtime's to change, the same seed and stream
/// give the same numbers on every machine and every .NET version, so the statistician can regenerate a list years later.
/// Streams are independent: a stratum's list, or the random element of the n-th minimization, has a stream of its own.
/// </summary>
public sealed class SeededStream
{
    private readonly byte[] _key;
    private readonly string _stream;
    private long _counter;

    public SeededStream(string seed, string stream)
    {
        ArgumentException.ThrowIfNullOrEmpty(seed);
        _key = Encoding.UTF8.GetBytes(seed);
        _stream = stream;
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextBits()
    {
        var message = Encoding.UTF8.GetBytes($"{_stream}\n{_counter++}");
        var hash = HMACSHA256.HashData(_key, message);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias (rejection of the incomplete last range).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        var b = (ulong)bound;
        var limit = ulong.MaxValue - ulong.MaxValue % b;
        ulong bits;
        do
        {
            bits = NextBits();
        }
        while (bits >= limit);
        return (int)(bits % b);
    }

    /// <summary>A uniform number in [0, 1) with 53 bits of precision.</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Shuffles in place (Fisher-Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
