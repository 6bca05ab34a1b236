using System.IO.Compression;
using System.Text;

namespace Ctms.Domain.Documents;

/// <summary>
/// Tells what a file is from its bytes, never from its name: magic numbers for PDF, PNG, JPEG; for a ZIP, the Office
/// Open XML package's <c>[Content_Types].xml</c> and main part; for an OLE2 compound file, its directory's Word or
/// Excel stream; text only when the whole file is valid UTF-8 without NUL.
/// </summary>
internal static class ContentSniffer
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2Magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // The main part of each Office Open XML kind, and the content type [Content_Types].xml gives it.
    private static readonly (FileKind Kind, string Part, string MainType)[] OpenXmlKinds =
    [
        (FileKind.Docx, "word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        (FileKind.Xlsx, "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        (FileKind.Pptx, "ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
    ];

    private const int ContentTypesMax = 1024 * 1024;

    /// <summary>The file's kind, or null when it is none the CTMS knows. <paramref name="extension"/> picks text vs CSV.</summary>
    public static FileKind? Sniff(string path, string extension)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var head = new byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head.AsSpan(0, read);
        stream.Position = 0;
        if (start.StartsWith(PdfMagic))
        {
            return FileKind.Pdf;
        }
        if (start.StartsWith(PngMagic))
        {
            return FileKind.Png;
        }
        if (start.StartsWith(JpegMagic))
        {
            return FileKind.Jpeg;
        }
        if (start.StartsWith(ZipMagic))
        {
            return OpenXml(stream);
        }
        if (start.StartsWith(Ole2Magic))
        {
            var streams = CompoundFile.StreamNames(stream);
            return streams.Contains("WordDocument") ? FileKind.Doc
                : streams.Contains("Workbook") || streams.Contains("Book") ? FileKind.Xls
                : null;
        }
        return IsUtf8Text(stream) ? (extension == ".csv" ? FileKind.Csv : FileKind.Text) : null;
    }

    private static FileKind? OpenXml(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > ContentTypesMax)
            {
                return null;
            }
            string xml;
            using (var reader = new StreamReader(types.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }
            foreach (var (kind, part, mainType) in OpenXmlKinds)
            {
                if (zip.GetEntry(part) is not null && xml.Contains(mainType, StringComparison.Ordinal))
                {
                    return kind;
                }
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsUtf8Text(Stream stream)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[81920];
        var chars = new char[81920];
        int read;
        var any = false;
        try
        {
            while ((read = stream.Read(bytes)) > 0)
            {
                any = true;
                if (bytes.AsSpan(0, read).Contains((byte)0))
                {
                    return false;
                }
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return any;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
