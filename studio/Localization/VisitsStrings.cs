namespace Ctms.Studio.Localization;

/// <summary>Marker for the subject's visits page's strings (schedule, to-do lists, e-CRF pages, queries, sign-off): <c>VisitsStrings.resx</c> and <c>.zh-Hans.resx</c>.</summary>
public sealed class VisitsStrings;
