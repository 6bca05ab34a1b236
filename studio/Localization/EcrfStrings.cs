namespace Ctms.Studio.Localization;

/// <summary>Marker for the e-CRF strings (the page designer, data entry, queries and sign-off on the visits page): <c>EcrfStrings.resx</c> and <c>.zh-Hans.resx</c>.</summary>
public sealed class EcrfStrings;
