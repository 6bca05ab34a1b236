namespace Ctms.Studio.Localization;

/// <summary>Marker for the ethics meetings pages' strings (P08): <c>EthicsMeetingsStrings.resx</c> (English) and <c>EthicsMeetingsStrings.zh-Hans.resx</c>.</summary>
public sealed class EthicsMeetingsStrings;
