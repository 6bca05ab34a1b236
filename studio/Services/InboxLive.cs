using System.Security.Claims;
using Ctms.Engine.Runtime.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ctms.Studio.Services;

/// <summary>How many tasks wait in a user's two inboxes; a total past the count limit reads "more than".</summary>
public sealed record InboxCounts(int Mine, bool MineExact, int Groups, bool GroupsExact);

/// <summary>
/// The signed-in user's inbox, live, for one circuit (scoped): the counts the navigation shows, and a
/// <see cref="Changed"/> signal when a task that concerns the user arrives, is claimed, given back, delegated,
/// completed or cancelled by anyone, on this node or (on PostgreSQL) another. Changes come from the
/// <see cref="TaskChangeFeed"/>, are gathered for <see cref="Debounce"/> so a burst refreshes once, and only those that
/// concern the user count. The subscription ends with the circuit.
/// </summary>
public sealed class InboxLive(StudioEngine engine, TaskChangeFeed feed, ILogger<InboxLive> logger) : IDisposable
{
    /// <summary>How long changes are gathered before the inbox refreshes.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _starting = new(1, 1);
    private TaskChangeSubscription? _subscription;

    /// <summary>The engine's name for the user (their user name).</summary>
    public string? UserName { get; private set; }

    /// <summary>The user's groups: their roles.</summary>
    public IReadOnlyList<string> Groups { get; private set; } = [];

    /// <summary>The latest counts, or null before the first.</summary>
    public InboxCounts? Counts { get; private set; }

    /// <summary>Raised (off the renderer's thread) after a change that concerns the user, once the counts are fresh.</summary>
    public event Func<Task>? Changed;

    /// <summary>
    /// Subscribes (once per circuit) and counts; later calls do nothing. (While a page is prerendered the scope is the
    /// request's, and the subscription ends with it.)
    /// </summary>
    public async Task StartAsync()
    {
        await _starting.WaitAsync();
        try
        {
            if (_subscription is not null || _stop.IsCancellationRequested)
            {
                return;
            }
            var user = await engine.UserAsync();
            if (user.Identity is not { IsAuthenticated: true, Name: { } name })
            {
                return;
            }
            UserName = name;
            Groups = [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];
            _subscription = feed.Subscribe();
            _ = ListenAsync(_subscription, _stop.Token);
        }
        finally
        {
            _starting.Release();
        }
        try
        {
            await RefreshCountsAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The navigation shows no counts rather than failing the page; the next change counts again.
            logger.LogWarning(e, "STUDIO-0501 The inbox counts could not be read");
        }
    }

    /// <summary>Counts both inboxes again (after the user's own claim, say, before the feed's echo arrives).</summary>
    public async Task<InboxCounts?> RefreshCountsAsync()
    {
        if (UserName is not { } user)
        {
            return null;
        }
        var groups = Groups;
        Counts = await engine.QueryAsync(async (services, ct) =>
        {
            var tasks = services.GetRequiredService<TaskService>();
            // One row each: the page's total is what counts (exact up to the count limit, "more than" past it).
            var mine = await tasks.QueryAsync(TaskQuery.AssignedTo(user) with { Limit = 1 }, ct);
            var offered = await tasks.QueryAsync(TaskQuery.OfferedTo(user, groups) with { Limit = 1 }, ct);
            return new InboxCounts(mine.Total, mine.TotalIsExact, offered.Total, offered.TotalIsExact);
        }, _stop.Token);
        return Counts;
    }

    private async Task ListenAsync(TaskChangeSubscription subscription, CancellationToken ct)
    {
        var changes = subscription.Changes;
        try
        {
            while (await changes.WaitToReadAsync(ct))
            {
                var concerned = false;
                while (changes.TryRead(out var change))
                {
                    concerned |= change.Concerns(UserName!, Groups);
                }
                if (!concerned)
                {
                    continue;
                }
                // A process that ends one task and opens the next, a colleague claiming five: one refresh.
                await Task.Delay(Debounce, ct);
                while (changes.TryRead(out _))
                {
                }
                await NotifyAsync();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync()
    {
        try
        {
            await RefreshCountsAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next change tries again; the navigation keeps what it shows.
            logger.LogWarning(e, "STUDIO-0501 The inbox counts could not be refreshed after a task change");
        }
        foreach (var handler in Changed?.GetInvocationList().Cast<Func<Task>>() ?? [])
        {
            try
            {
                await handler();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "STUDIO-0502 An inbox view failed to refresh after a task change");
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        // The token source is not disposed: a refresh still running may read its token.
        _subscription?.Dispose();
    }
}
