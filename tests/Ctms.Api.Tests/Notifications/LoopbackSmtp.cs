using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Ctms.Api.Tests.Notifications;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, started and stopped by the test, keeping what
/// arrives. Created stopped: until <see cref="StartAsync"/> the port refuses connections, as a mail server that is down.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public LoopbackSmtp()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Received => _received;

    /// <summary>The host's settings that send mail here.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Smtp:Host", "127.0.0.1"),
        new("Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Smtp:Security", "None"),
        new("Smtp:From", "ctms@hospital.test"),
        new("Smtp:FromName", "Ctms Test"),
        new("Smtp:Timeout", "00:00:10"),
    ];

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        // Listening once a connection is accepted.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"The loopback SMTP server did not start on port {Port}.");
    }

    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    /// <summary>The messages that arrived for <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. _received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits (a few seconds at most) until <paramref name="count"/> messages arrived for the address.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1)
    {
        for (var i = 0; i < 200 && To(address).Count < count; i++)
        {
            await Task.Delay(50);
        }
        return To(address);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
