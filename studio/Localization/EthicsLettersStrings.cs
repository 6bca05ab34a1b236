namespace Ctms.Studio.Localization;

/// <summary>Marker for the ethics decisions' and letters' strings (the EC office's letters, the project's ethics page): <c>EthicsLettersStrings.resx</c> and <c>.zh-Hans.resx</c>.</summary>
public sealed class EthicsLettersStrings;
