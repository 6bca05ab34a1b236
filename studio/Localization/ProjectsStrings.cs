namespace Ctms.Studio.Localization;

/// <summary>Marker for the project pages' strings: <c>ProjectsStrings.resx</c> (English) and <c>ProjectsStrings.zh-Hans.resx</c>.</summary>
public sealed class ProjectsStrings;
