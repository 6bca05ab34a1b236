using System.Globalization;

namespace Ctms.Domain.Documents;

/// <summary>One document the application should contain, with its titles in English and Chinese.</summary>
public sealed record ChecklistItem(string Code, string TitleEn, string TitleZh, bool Required)
{
    /// <summary>The title in the reader's language (Chinese for any zh culture, English otherwise).</summary>
    public string Title(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? TitleZh : TitleEn;
}
