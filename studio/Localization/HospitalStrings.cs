namespace Ctms.Studio.Localization;

/// <summary>
/// Marker for the hospital pages' strings (a project's patients at the hospital, the integration's page):
/// <c>HospitalStrings.resx</c> (English) and <c>HospitalStrings.zh-Hans.resx</c>.
/// </summary>
public sealed class HospitalStrings;
