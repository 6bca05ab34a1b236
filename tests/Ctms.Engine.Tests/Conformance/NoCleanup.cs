namespace Ctms.Engine.Tests.Conformance;

/// <summary>Nothing to remove after an in-memory run.</summary>
public sealed class NoCleanup : IAsyncDisposable
{
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
