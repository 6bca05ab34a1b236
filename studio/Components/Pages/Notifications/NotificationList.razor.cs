using System.Globalization;
using Ctms.Domain.Notifications;

namespace Ctms.Studio.Components.Pages.Notifications;

/// <summary>The signed-in user's notifications: read them, open where they point, mark them read.</summary>
public partial class NotificationList
{
    private const int PageSize = 25;
    private NotificationPage? _page;
    private bool _unreadOnly;
    private int _pageIndex = 1;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() =>
        _page = await Sender.QueryAsync(new ListMyNotifications(_unreadOnly, (_pageIndex - 1) * PageSize, PageSize));

    private async Task UnreadOnlyChangedAsync(bool value)
    {
        _unreadOnly = value;
        _pageIndex = 1;
        await LoadAsync();
    }

    private async Task PageChangedAsync(int index)
    {
        _pageIndex = index;
        await LoadAsync();
    }

    private async Task MarkReadAsync(NotificationDto notification)
    {
        await Sender.CommandAsync(new MarkNotificationRead(notification.Id));
        await LoadAsync();
        await AnnounceAsync();
    }

    private async Task MarkAllReadAsync()
    {
        var marked = await Sender.CommandAsync(new MarkAllNotificationsRead());
        Snackbar.Add(string.Format(CultureInfo.CurrentCulture, T["MarkedAllRead"], marked), MudBlazor.Severity.Success);
        await LoadAsync();
        await AnnounceAsync();
    }

    private async Task AnnounceAsync() => NotificationBell.AnnounceRead((await Authentication.GetAuthenticationStateAsync()).User.Identity?.Name);

    private async Task OpenAsync(NotificationDto notification)
    {
        if (notification.ReadAt is null)
        {
            await Sender.CommandAsync(new MarkNotificationRead(notification.Id));
        }
        // Links are relative to the studio's root; anything else (a full address) is not followed.
        var link = notification.Link!;
        Navigation.NavigateTo(Uri.TryCreate(link, UriKind.Absolute, out _) || link.StartsWith("//", StringComparison.Ordinal) ? "notifications" : link.TrimStart('/'));
    }
}
