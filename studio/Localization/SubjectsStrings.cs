namespace Ctms.Studio.Localization;

/// <summary>Marker for the subject pages' strings: <c>SubjectsStrings.resx</c> (English) and <c>SubjectsStrings.zh-Hans.resx</c>.</summary>
public sealed class SubjectsStrings;
