namespace Ctms.Studio.Localization;

/// <summary>Marker for the bulk import page's strings (runs, errors, upload): <c>ImportStrings.resx</c> and <c>ImportStrings.zh-Hans.resx</c>.</summary>
public sealed class ImportStrings;
