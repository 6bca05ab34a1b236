namespace Ctms.Studio.Localization;

/// <summary>Marker for the documents page's strings: <c>DocumentsStrings.resx</c> (English) and <c>DocumentsStrings.zh-Hans.resx</c>.</summary>
public sealed class DocumentsStrings;
