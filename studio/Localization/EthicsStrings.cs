namespace Ctms.Studio.Localization;

/// <summary>Marker for the EC workspace, review and committee pages' strings: <c>EthicsStrings.resx</c> (English) and <c>EthicsStrings.zh-Hans.resx</c>.</summary>
public sealed class EthicsStrings;
