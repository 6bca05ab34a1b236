namespace Ctms.Studio.Localization;

/// <summary>Marker for the subjects' statistics page and the subject's safety page: <c>SafetyStrings.resx</c> and <c>.zh-Hans.resx</c>.</summary>
public sealed class SafetyStrings;
