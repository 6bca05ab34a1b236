using Microsoft.EntityFrameworkCore.Storage;

namespace Ctms.Domain.Data;

/// <summary>
/// A database transaction for a command that writes, holding the provider's writer gate (if it has one) until it is
/// disposed. Commands that need several saves to be all-or-nothing use it instead of BeginTransaction.
/// </summary>
public sealed class WriteTransaction(IDbContextTransaction transaction, IDisposable? gate) : IAsyncDisposable
{
    /// <summary>The ADO.NET transaction, for another context (the engine's) to join.</summary>
    public System.Data.Common.DbTransaction DbTransaction => transaction.GetDbTransaction();

    public Task CommitAsync(CancellationToken ct = default) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            gate?.Dispose();
        }
    }
}
