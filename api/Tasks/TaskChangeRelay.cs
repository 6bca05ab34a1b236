using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ctms.Domain.Data;
using Ctms.Engine.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ctms.Api.Tasks;

/// <summary>
/// Carries task changes between the hosts that share one PostgreSQL database, so an inbox open on one node hears of a
/// task claimed on another: the node's committed changes go out with NOTIFY on <see cref="Channel"/>, and what other
/// nodes send comes in through LISTEN and is published on this node's <see cref="TaskChangeFeed"/>, marked as relayed
/// so it does not go out again. On SQLite there is only ever one host, and this does nothing.
/// </summary>
internal sealed class TaskChangeRelay(TaskChangeFeed feed, DatabaseInfo database, IServiceScopeFactory scopes, ILogger<TaskChangeRelay> logger)
    : BackgroundService
{
    public const string Channel = "ctms_tasks";

    // A NOTIFY payload must stay under 8,000 bytes; changes are sent in batches below that.
    private const int MaxPayloadBytes = 7000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>This node, so that it ignores its own notifications when they come back.</summary>
    public Guid Node { get; } = Guid.NewGuid();

    /// <summary>Completes once the node listens (the first time); never on SQLite.</summary>
    public Task Listening => _listening.Task;

    /// <summary>What goes over the channel: the sending node and its changes.</summary>
    public sealed record Message(Guid Node, IReadOnlyList<TaskChange> Changes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<CtmsDbContext>().Database.GetConnectionString()
                               ?? throw new InvalidOperationException("The database has no connection string.");
        }
        // Subscribed before listening, so that no change committed here after the start is missed by the other nodes.
        using var subscription = feed.Subscribe();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await Task.WhenAll(SendAsync(dataSource, subscription, stoppingToken), ListenAsync(connectionString, stoppingToken));
    }

    /// <summary>Sends this node's committed changes, in as few notifications as fit.</summary>
    private async Task SendAsync(NpgsqlDataSource dataSource, TaskChangeSubscription subscription, CancellationToken ct)
    {
        try
        {
            while (await subscription.Changes.WaitToReadAsync(ct))
            {
                var local = new List<TaskChange>();
                while (subscription.Changes.TryRead(out var change))
                {
                    if (!change.Relayed)
                    {
                        local.Add(change);
                    }
                }
                foreach (var payload in Payloads(local))
                {
                    try
                    {
                        await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
                        command.Parameters.AddWithValue("channel", Channel);
                        command.Parameters.AddWithValue("payload", payload);
                        await command.ExecuteNonQueryAsync(ct);
                    }
                    catch (Exception e) when (e is NpgsqlException or TimeoutException)
                    {
                        // The changes are committed; only other nodes' inboxes miss them until their next refresh.
                        logger.LogWarning(e, "TASKS-0501 Task changes could not be relayed to the other nodes");
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Batches of changes, each serialized under the payload limit.</summary>
    private IEnumerable<string> Payloads(List<TaskChange> changes)
    {
        var batch = new List<TaskChange>();
        string? fitting = null;
        foreach (var change in changes)
        {
            batch.Add(change);
            var candidate = JsonSerializer.Serialize(new Message(Node, batch), Json);
            if (Encoding.UTF8.GetByteCount(candidate) <= MaxPayloadBytes)
            {
                fitting = candidate;
                continue;
            }
            batch.RemoveAt(batch.Count - 1);
            if (fitting is not null)
            {
                yield return fitting;
            }
            batch = [change];
            fitting = JsonSerializer.Serialize(new Message(Node, batch), Json);
            if (Encoding.UTF8.GetByteCount(fitting) > MaxPayloadBytes)
            {
                // A task offered to a very long list of candidates: sent without them, which every inbox takes as
                // "may concern me" (an unknown change refreshes; a lost one would not).
                fitting = JsonSerializer.Serialize(new Message(Node, [change with { CandidateUsers = [], CandidateGroups = [], Everyone = true }]), Json);
            }
        }
        if (fitting is not null && batch.Count > 0)
        {
            yield return fitting;
        }
    }

    /// <summary>Listens for the other nodes' changes on a connection of its own, connecting again after a failure.</summary>
    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, e) => Receive(e.Payload);
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }
                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                logger.LogWarning(e, "TASKS-0502 Listening for other nodes' task changes failed; listening again in 5 seconds");
                await Task.Delay(TimeSpan.FromSeconds(5), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Receive(string payload)
    {
        Message? message;
        try
        {
            message = JsonSerializer.Deserialize<Message>(payload, Json);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "TASKS-0400 A notification on {Channel} was not a task change; ignored", Channel);
            return;
        }
        if (message?.Changes is null || message.Node == Node)
        {
            return;
        }
        feed.Publish(message.Changes.Where(c => c is not null).Select(c => c with
        {
            CandidateUsers = c.CandidateUsers ?? [],
            CandidateGroups = c.CandidateGroups ?? [],
            Relayed = true,
        }));
    }
}
