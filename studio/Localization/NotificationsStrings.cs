namespace Ctms.Studio.Localization;

/// <summary>Marker for the notifications' strings (bell, list, template editor): <c>NotificationsStrings.resx</c> and <c>.zh-Hans.resx</c>.</summary>
public sealed class NotificationsStrings;
