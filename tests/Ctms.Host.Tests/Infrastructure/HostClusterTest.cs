using Xunit.Abstractions;

namespace Ctms.Host.Tests.Infrastructure;

/// <summary>A test with a <see cref="HostCluster"/> of its own, disposed (its nodes killed, its database dropped) whatever the outcome.</summary>
public abstract class HostClusterTest(ITestOutputHelper output) : IAsyncLifetime
{
    protected HostCluster Cluster { get; private set; } = default!;

    public async Task InitializeAsync() => Cluster = await HostCluster.CreateAsync(output);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
