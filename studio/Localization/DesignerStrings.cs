namespace Ctms.Studio.Localization;

/// <summary>Marker for the process designer's string resources: <c>DesignerStrings.resx</c> (English) and <c>DesignerStrings.zh-Hans.resx</c>.</summary>
public sealed class DesignerStrings;
