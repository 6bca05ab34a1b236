namespace Ctms.Studio.Localization;

/// <summary>Marker for the kick-off (P12) and close-out (P13) pages' strings: <c>KickOffStrings.resx</c> (English) and <c>KickOffStrings.zh-Hans.resx</c>.</summary>
public sealed class KickOffStrings;
