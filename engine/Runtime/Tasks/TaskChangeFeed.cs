using System.Collections.Immutable;
using System.Threading.Channels;

namespace Ctms.Engine.Runtime.Tasks;

/// <summary>
/// The node's announcements of committed task changes (one per host, a singleton): open inboxes and the navigation's
/// counts subscribe and refresh when a task they show arrives or is taken. Only committed changes are published (see
/// <see cref="Persistence.EfEngineStore"/>), so a command that rolls back announces nothing. Each subscriber reads its own
/// bounded channel: a slow reader loses its oldest changes, never holds up the command that published them.
/// </summary>
public sealed class TaskChangeFeed
{
    /// <summary>How many changes a subscriber may fall behind before its oldest are dropped.</summary>
    public const int Capacity = 1024;

    private readonly Lock _gate = new();
    private ImmutableArray<Channel<TaskChange>> _subscribers = [];

    /// <summary>How many subscriptions are open (a closed inbox page must not leave one behind).</summary>
    public int SubscriberCount => _subscribers.Length;

    /// <summary>Starts receiving the changes published from now on; dispose the subscription to stop.</summary>
    public TaskChangeSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<TaskChange>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers = _subscribers.Add(channel);
        }
        return new TaskChangeSubscription(this, channel);
    }

    /// <summary>Hands committed changes to every subscriber.</summary>
    public void Publish(IEnumerable<TaskChange> changes)
    {
        var subscribers = _subscribers;
        foreach (var change in changes)
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.Writer.TryWrite(change);
            }
        }
    }

    internal void Unsubscribe(Channel<TaskChange> channel)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(channel);
        }
        channel.Writer.TryComplete();
    }
}

/// <summary>One subscriber's changes; disposing it unsubscribes and ends <see cref="Changes"/>.</summary>
public sealed class TaskChangeSubscription : IDisposable
{
    private readonly TaskChangeFeed _feed;
    private readonly Channel<TaskChange> _channel;

    internal TaskChangeSubscription(TaskChangeFeed feed, Channel<TaskChange> channel)
    {
        _feed = feed;
        _channel = channel;
    }

    public ChannelReader<TaskChange> Changes => _channel.Reader;

    public void Dispose() => _feed.Unsubscribe(_channel);
}
