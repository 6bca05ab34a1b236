namespace Ctms.Studio.Localization;

/// <summary>Marker for the contract page's strings: <c>ContractsStrings.resx</c> (English) and <c>ContractsStrings.zh-Hans.resx</c>.</summary>
public sealed class ContractsStrings;
