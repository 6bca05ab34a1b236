namespace Ctms.Studio.Localization;

/// <summary>Marker for the people pages' strings: <c>PeopleStrings.resx</c> (English) and <c>PeopleStrings.zh-Hans.resx</c>.</summary>
public sealed class PeopleStrings;
