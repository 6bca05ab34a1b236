namespace Ctms.Studio.Localization;

/// <summary>Marker for the randomization pages' strings (allocation, blinding): <c>RandomizationStrings.resx</c> (English) and <c>RandomizationStrings.zh-Hans.resx</c>.</summary>
public sealed class RandomizationStrings;
