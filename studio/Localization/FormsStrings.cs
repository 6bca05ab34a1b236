namespace Ctms.Studio.Localization;

/// <summary>Marker for the form designer's and task page's strings: <c>FormsStrings.resx</c> (English) and <c>FormsStrings.zh-Hans.resx</c>.</summary>
public sealed class FormsStrings;
