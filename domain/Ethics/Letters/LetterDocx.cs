using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ctms.Domain.Ethics.Letters;

/// <summary>
/// The parts of a letter as a hospital sends it: the letterhead, the reference and the date, the addressee, the subject
/// line, the body (the EC office's template, rendered), and the signature block with the signature manifestations.
/// </summary>
public sealed record LetterLayout(
    string Culture,
    string Letterhead,
    string? LetterheadSubtitle,
    string ReferenceLabel,
    string Reference,
    string DateLabel,
    string Date,
    IReadOnlyList<string> Addressee,
    string Subject,
    string Body,
    string SignatureHeading,
    IReadOnlyList<string> Signatures,
    string Footer);

/// <summary>
/// Writes a letter as a Word document (DOCX, Open XML SDK, MIT). DOCX rather than PDF: nothing to embed, so a Chinese
/// letter shows with the reader's own CJK fonts (the runs name SimSun for East Asian text) and the EC office can still
/// correct a letter in Word before it is printed on paper; the signature manifestations are part of the text.
/// <para>
/// The body is the rendered template, read as light markup: a blank line separates paragraphs; a line starting with
/// <c>## </c> is a heading; <c>- </c> a bullet; consecutive lines starting with <c>|</c> a table (cells between the bars,
/// the first row its header); other lines of one paragraph are kept as line breaks. The labels carry their own separator
/// ("Our reference: ", "文号：").
/// </para>
/// </summary>
public static class LetterDocx
{
    private const string LatinFont = "Calibri";
    private const string EastAsianFont = "SimSun";

    public static byte[] Write(LetterLayout letter)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main, letter.Culture);
            var body = new Body();

            body.Append(Paragraph(letter.Letterhead, bold: true, size: 32, justification: JustificationValues.Center, spacingAfter: 0));
            if (!string.IsNullOrWhiteSpace(letter.LetterheadSubtitle))
            {
                body.Append(Paragraph(letter.LetterheadSubtitle, size: 24, justification: JustificationValues.Center, spacingAfter: 0));
            }
            body.Append(Rule());

            body.Append(Paragraph(letter.ReferenceLabel + letter.Reference, justification: JustificationValues.Right, spacingAfter: 0));
            body.Append(Paragraph(letter.DateLabel + letter.Date, justification: JustificationValues.Right));

            foreach (var line in letter.Addressee.Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                body.Append(Paragraph(line, spacingAfter: 0));
            }
            body.Append(Paragraph(""));
            body.Append(Paragraph(letter.Subject, bold: true, size: 24));

            foreach (var block in Markup(letter.Body))
            {
                body.Append(block);
            }

            body.Append(Paragraph(""));
            body.Append(Paragraph(letter.SignatureHeading, bold: true));
            foreach (var signature in letter.Signatures)
            {
                body.Append(Paragraph(signature, italic: true, spacingAfter: 60));
            }

            var footerPart = main.AddNewPart<FooterPart>();
            footerPart.Footer = new Footer(Paragraph(letter.Footer, size: 16, justification: JustificationValues.Center));
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1304U, Right = 1304U, Header = 567U, Footer = 567U }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>The text of a letter written by <see cref="Write"/> (or any DOCX), one line per paragraph and table row (cells separated by " | ").</summary>
    public static string ReadText(Stream docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        var lines = new List<string>();
        foreach (var element in document.MainDocumentPart?.Document?.Body?.ChildElements ?? [])
        {
            switch (element)
            {
                case Paragraph p:
                    lines.Add(ParagraphText(p));
                    break;
                case Table t:
                    lines.AddRange(t.Elements<TableRow>().Select(r => string.Join(" | ", r.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(ParagraphText))))));
                    break;
            }
        }
        return string.Join('\n', lines);
    }

    private static string ParagraphText(Paragraph p) =>
        string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => "" }));

    private static IEnumerable<OpenXmlElement> Markup(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var paragraph = new List<string>();
        var table = new List<string[]>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('|'))
            {
                foreach (var e in Flush(paragraph))
                {
                    yield return e;
                }
                table.Add(Cells(trimmed));
                continue;
            }
            foreach (var e in FlushTable(table))
            {
                yield return e;
            }
            if (trimmed.Length == 0)
            {
                foreach (var e in Flush(paragraph))
                {
                    yield return e;
                }
            }
            else if (trimmed.StartsWith("## ", StringComparison.Ordinal))
            {
                foreach (var e in Flush(paragraph))
                {
                    yield return e;
                }
                yield return Paragraph(trimmed[3..].Trim(), bold: true, spacingAfter: 60);
            }
            else if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))
            {
                foreach (var e in Flush(paragraph))
                {
                    yield return e;
                }
                yield return Bullet(trimmed[2..].Trim());
            }
            else
            {
                paragraph.Add(trimmed);
            }
        }
        foreach (var e in Flush(paragraph).Concat(FlushTable(table)))
        {
            yield return e;
        }
    }

    private static IEnumerable<OpenXmlElement> Flush(List<string> lines)
    {
        if (lines.Count == 0)
        {
            yield break;
        }
        var run = new Run();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        lines.Clear();
        yield return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Both }), run);
    }

    private static IEnumerable<OpenXmlElement> FlushTable(List<string[]> rows)
    {
        if (rows.Count == 0)
        {
            yield break;
        }
        // A Markdown-style separator row (|---|---|) only marks the header: it is not printed.
        var printed = rows.Where(r => !r.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':'))).ToList();
        var columns = printed.Max(r => r.Length);
        var border = new BorderType[] { new TopBorder(), new BottomBorder(), new LeftBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder() };
        foreach (var b in border)
        {
            b.Val = BorderValues.Single;
            b.Size = 4U;
            b.Color = "808080";
        }
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(border),
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa })));
        table.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn())));
        for (var i = 0; i < printed.Count; i++)
        {
            var row = new TableRow();
            for (var c = 0; c < columns; c++)
            {
                var text = c < printed[i].Length ? printed[i][c] : "";
                row.Append(new TableCell(Paragraph(text, bold: i == 0, size: 18, spacingAfter: 0)));
            }
            table.Append(row);
        }
        rows.Clear();
        yield return table;
        yield return Paragraph("", spacingAfter: 0);
    }

    private static string[] Cells(string line)
    {
        var inner = line.Trim().Trim('|');
        return [.. inner.Split('|').Select(c => c.Trim())];
    }

    private static Paragraph Bullet(string text) => new(
        new ParagraphProperties(new Indentation { Left = "567", Hanging = "283" }, new SpacingBetweenLines { After = "60" }),
        new Run(new Text("•\t" + text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Rule() => new(new ParagraphProperties(
        new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12U, Color = "1F3864", Space = 1U }),
        new SpacingBetweenLines { After = "240" }));

    private static Paragraph Paragraph(string text, bool bold = false, bool italic = false, int? size = null, JustificationValues? justification = null,
        int? spacingAfter = null)
    {
        var properties = new ParagraphProperties();
        if (justification is { } j)
        {
            properties.Append(new Justification { Val = j });
        }
        if (spacingAfter is { } after)
        {
            properties.Append(new SpacingBetweenLines { After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        var runProperties = new RunProperties();
        if (bold)
        {
            runProperties.Append(new Bold());
        }
        if (italic)
        {
            runProperties.Append(new Italic());
        }
        if (size is { } s)
        {
            runProperties.Append(new FontSize { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        var run = new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }

    private static void AddStyles(MainDocumentPart main, string culture)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, ComplexScript = LatinFont, EastAsia = EastAsianFont },
                    new FontSize { Val = "21" },
                    new Languages { Val = culture == "zh-CN" ? "zh-CN" : "en-GB", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "160", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
    }
}
