namespace Ctms.Domain.Notifications;

/// <summary>Where a template's text in one language comes from.</summary>
public enum TemplateOrigin
{
    /// <summary>An administrator's override, stored in the database.</summary>
    Override,

    /// <summary>The file of that language in <c>process-definitions/templates/</c>.</summary>
    File,

    /// <summary>No file in that language: the English one is used.</summary>
    EnglishFile,
}

/// <summary>One template in one language: the text in use and, when overridden, the file it replaces.</summary>
public sealed record NotificationTemplateDto(
    string Name, string Culture, string Source, TemplateOrigin Origin, string? FileSource, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>A template's languages in the list: whether each has a file and whether an administrator overrode it.</summary>
public sealed record TemplateCultureDto(string Culture, bool HasFile, bool Overridden, string? UpdatedBy, DateTimeOffset? UpdatedAt);

public sealed record TemplateSummaryDto(string Name, IReadOnlyList<TemplateCultureDto> Cultures);
