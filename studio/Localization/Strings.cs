namespace Ctms.Studio.Localization;

/// <summary>Marker for the studio's string resources: <c>Strings.resx</c> (English) and <c>Strings.zh-Hans.resx</c>.</summary>
public sealed class Strings;
