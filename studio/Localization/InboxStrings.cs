namespace Ctms.Studio.Localization;

/// <summary>Marker for the inbox's strings: <c>InboxStrings.resx</c> (English) and <c>InboxStrings.zh-Hans.resx</c>.</summary>
public sealed class InboxStrings;
