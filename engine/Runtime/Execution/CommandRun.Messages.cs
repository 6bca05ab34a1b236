using Ctms.Engine.Model;
using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Runtime.Execution;

internal sealed partial class CommandRun
{
    /// <summary>
    /// Publishes a message in this command: it reaches every instance waiting for it with that key (one subscription
    /// each), starts the processes that begin with it (the key becomes the new instance's business key), or else waits in
    /// the buffer for its time to live. The API's correlate command and the messages an activity publishes share it.
    /// </summary>
    /// <param name="name">The message name.</param>
    /// <param name="correlationKey">The key subscriptions match; a started instance's business key.</param>
    /// <param name="variables">The message's variables.</param>
    /// <param name="timeToLive">How long the message is buffered when nothing takes it (zero: not buffered, unless kept).</param>
    /// <param name="keepUntilDisposed">Buffered even without a time to live.</param>
    /// <param name="messageId">The publisher's id of the message, kept with a buffered one.</param>
    /// <param name="requestedTimeToLive">The time to live the publisher asked for; null with <paramref name="keepUntilDisposed"/> keeps it without expiry.</param>
    public async Task<CorrelationResult> PublishAsync(string name, string correlationKey, IReadOnlyDictionary<string, object?> variables, TimeSpan timeToLive,
        bool keepUntilDisposed, string? messageId, TimeSpan? requestedTimeToLive = null)
    {
        var delivered = 0;
        foreach (var subscription in (await store.SubscriptionsAsync(name, correlationKey, ct)).GroupBy(s => s.InstanceId).Select(g => g.First()))
        {
            if (await DeliverAsync(subscription, variables))
            {
                delivered++;
            }
        }
        var started = new List<Guid>();
        foreach (var definition in await store.LatestDefinitionsAsync(ct))
        {
            var start = definition.Model.MessageStartEvents.FirstOrDefault(e => ((MessageTrigger)e.Trigger).MessageName == name);
            if (start is not null)
            {
                started.Add(StartInstance(definition, variables, correlationKey.Length > 0 ? correlationKey : null, start).Id);
            }
        }
        var buffered = delivered == 0 && started.Count == 0 && (timeToLive > TimeSpan.Zero || keepUntilDisposed);
        if (buffered)
        {
            await store.BufferMessageAsync(new BufferedMessage
            {
                Id = Guid.CreateVersion7(),
                Name = name,
                CorrelationKey = correlationKey,
                MessageId = messageId,
                Variables = new Dictionary<string, object?>(variables, StringComparer.Ordinal),
                PublishedAt = Now,
                ExpiresAt = keepUntilDisposed && requestedTimeToLive is null ? null : Now + timeToLive,
            }, ct);
        }
        return new CorrelationResult(delivered, started, buffered, Duplicate: false);
    }
}
