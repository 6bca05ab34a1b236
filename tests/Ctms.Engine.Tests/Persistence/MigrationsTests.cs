using Ctms.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Engine.Tests.Persistence;

public sealed class MigrationsTests
{
    [Fact]
    public void Both_providers_have_a_migration_for_every_model_change()
    {
        using var sqlite = EngineDbContextFactory.Sqlite("Data Source=:memory:");
        sqlite.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for SqliteEngineDbContext");
        using var postgres = EngineDbContextFactory.Postgres("Host=localhost;Database=unused");
        postgres.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for PostgresEngineDbContext");
    }
}
