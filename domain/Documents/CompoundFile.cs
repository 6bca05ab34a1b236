using System.Buffers.Binary;
using System.Text;

namespace Ctms.Domain.Documents;

/// <summary>
/// Reads the names in an OLE2 compound file's directory (the container of .doc and .xls), following the header, the
/// DIFAT and the FAT; a malformed file gives no names rather than an error.
/// </summary>
internal static class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const int MaxSectors = 1 << 20;

    public static IReadOnlySet<string> StreamNames(Stream stream)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var header = new byte[512];
            stream.Position = 0;
            stream.ReadExactly(header);
            var sectorSize = 1 << BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
            if (sectorSize is not (512 or 4096))
            {
                return names;
            }
            var directoryStart = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30));
            var fat = ReadFat(stream, header, sectorSize);
            var sector = new byte[sectorSize];
            var current = directoryStart;
            for (var hops = 0; current != EndOfChain && current < fat.Length && hops < MaxSectors; hops++)
            {
                stream.Position = (current + 1L) * sectorSize;
                stream.ReadExactly(sector);
                for (var entry = 0; entry < sectorSize / 128; entry++)
                {
                    var span = sector.AsSpan(entry * 128, 128);
                    var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[0x40..]);
                    if (nameLength is >= 2 and <= 64)
                    {
                        names.Add(Encoding.Unicode.GetString(span[..(nameLength - 2)]));
                    }
                }
                current = fat[current];
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException)
        {
            return names;
        }
        return names;
    }

    private static uint[] ReadFat(Stream stream, byte[] header, int sectorSize)
    {
        var perSector = sectorSize / 4;
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109; i++)
        {
            var s = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + i * 4));
            if (s >= 0xFFFFFFFA)
            {
                break;
            }
            fatSectors.Add(s);
        }
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x44));
        var buffer = new byte[sectorSize];
        for (var hops = 0; difat < 0xFFFFFFFA && hops < MaxSectors; hops++)
        {
            stream.Position = (difat + 1L) * sectorSize;
            stream.ReadExactly(buffer);
            for (var i = 0; i < perSector - 1; i++)
            {
                var s = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i * 4));
                if (s < 0xFFFFFFFA)
                {
                    fatSectors.Add(s);
                }
            }
            difat = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan((perSector - 1) * 4));
        }
        var fat = new uint[Math.Min(fatSectors.Count * perSector, MaxSectors)];
        var index = 0;
        foreach (var s in fatSectors)
        {
            stream.Position = (s + 1L) * sectorSize;
            stream.ReadExactly(buffer);
            for (var i = 0; i < perSector && index < fat.Length; i++)
            {
                fat[index++] = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i * 4));
            }
        }
        return fat;
    }
}
