namespace Ctms.Studio.Localization;

/// <summary>Marker for the ethics gate panel's strings (gate, re-consent, continuing review): <c>EthicsGateStrings.resx</c> (English) and <c>EthicsGateStrings.zh-Hans.resx</c>.</summary>
public sealed class EthicsGateStrings;
