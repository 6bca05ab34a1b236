namespace Ctms.Studio.Localization;

/// <summary>Marker for the instance pages' strings: <c>InstancesStrings.resx</c> (English) and <c>InstancesStrings.zh-Hans.resx</c>.</summary>
public sealed class InstancesStrings;
