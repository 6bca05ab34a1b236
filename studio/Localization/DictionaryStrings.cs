namespace Ctms.Studio.Localization;

/// <summary>Marker for the data dictionary page's strings (entries, the sync's run log): <c>DictionaryStrings.resx</c> and <c>.zh-Hans.resx</c>.</summary>
public sealed class DictionaryStrings;
