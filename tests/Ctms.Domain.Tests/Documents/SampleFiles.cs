using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Ctms.Domain.Tests.Documents;

/// <summary>The smallest files of each kind the upload policy knows, built byte by byte.</summary>
internal static class SampleFiles
{
    public static byte[] Pdf(string text = "x") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8.ToArray(), 0, 0, 0, 1];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8.ToArray(), 0];

    /// <summary>An Office Open XML package with the given main part and content type.</summary>
    public static byte[] OpenXml(string mainPart, string mainType, bool withContentTypes = true)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (withContentTypes)
            {
                Write(zip, "[Content_Types].xml", $"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/{mainPart}\" ContentType=\"{mainType}\"/></Types>");
            }
            Write(zip, mainPart, "<x/>");
        }
        return buffer.ToArray();
    }

    public static byte[] Docx() => OpenXml("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");

    public static byte[] Xlsx() => OpenXml("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");

    public static byte[] Pptx() => OpenXml("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml");

    /// <summary>A plain ZIP (not an Office package).</summary>
    public static byte[] Zip() => OpenXml("readme.txt", "text/plain", withContentTypes: false);

    /// <summary>
    /// An OLE2 compound file (version 3, 512-byte sectors) whose directory holds the root and one stream of the given
    /// name: sector 0 is the FAT, sector 1 the directory.
    /// </summary>
    public static byte[] Ole2(string streamName)
    {
        var file = new byte[512 * 3];
        var header = file.AsSpan(0, 512);
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], 0xFFFFFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], 0xFFFFFFFE);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + i * 4)..], i == 0 ? 0u : 0xFFFFFFFF);
        }
        var fat = file.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFE);
        var directory = file.AsSpan(1024, 512);
        Entry(directory[..128], "Root Entry", 5);
        Entry(directory[128..256], streamName, 2);
        return file;
    }

    private static void Entry(Span<byte> entry, string name, byte type)
    {
        var bytes = Encoding.Unicode.GetBytes(name + "\0");
        bytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)bytes.Length);
        entry[0x42] = type;
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        // A fixed time: the same text makes the same bytes (and hash), whenever it is built.
        var entry = zip.CreateEntry(name);
        entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
