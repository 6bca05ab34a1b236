using Ctms.Domain.Data;
using Microsoft.Data.Sqlite;

namespace Ctms.Api.Tests.Infrastructure;

/// <summary>The host on the embedded default: a SQLite file of its own.</summary>
public sealed class SqliteAppFactory : CtmsAppFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataPath, "ctms.db"), Pooling = false }.ToString();

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(DataPath);
        return Task.CompletedTask;
    }
}
