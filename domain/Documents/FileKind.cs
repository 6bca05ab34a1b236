namespace Ctms.Domain.Documents;

/// <summary>A type of file the CTMS accepts: its media type and the extensions a file of it may carry.</summary>
public sealed record FileKind(string Name, string ContentType, IReadOnlyList<string> Extensions)
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly FileKind Docx = new("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileKind Xlsx = new("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileKind Pptx = new("PowerPoint presentation", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly FileKind Doc = new("Word 97-2003 document", "application/msword", [".doc"]);
    public static readonly FileKind Xls = new("Excel 97-2003 workbook", "application/vnd.ms-excel", [".xls"]);
    public static readonly FileKind Png = new("PNG image", "image/png", [".png"]);
    public static readonly FileKind Jpeg = new("JPEG image", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly FileKind Text = new("Text", "text/plain; charset=utf-8", [".txt"]);
    public static readonly FileKind Csv = new("CSV", "text/csv; charset=utf-8", [".csv"]);

    /// <summary>Every kind the store accepts unless a caller narrows it.</summary>
    public static IReadOnlyList<FileKind> All { get; } = [Pdf, Docx, Xlsx, Pptx, Doc, Xls, Png, Jpeg, Text, Csv];
}
