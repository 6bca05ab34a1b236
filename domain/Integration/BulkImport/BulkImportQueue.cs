using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Ctms.Domain.Integration.BulkImport;

/// <summary>
/// The background queue of bulk imports: the request that starts or resumes a run only queues it (202), and this host
/// service runs the runs one after the other, so a long import never holds a request and two imports never race for the
/// database's write lock. A run queued or running here cannot be resumed again until it stops.
/// </summary>
public sealed class BulkImportQueue(BulkImporter importer) : BackgroundService
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, byte> _active = new();

    /// <summary>Queues the run; false when it is already queued or running in this host.</summary>
    public bool TryEnqueue(Guid runId) => _active.TryAdd(runId, 0) && _queue.Writer.TryWrite(runId);

    public bool IsActive(Guid runId) => _active.ContainsKey(runId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var runId in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await importer.RunAsync(runId, stoppingToken);
            }
            finally
            {
                _active.TryRemove(runId, out _);
            }
        }
    }
}
