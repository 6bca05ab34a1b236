using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Tests.Data;

public sealed class MigrationsTests
{
    [Fact]
    public void Both_providers_have_a_migration_for_every_model_change()
    {
        using var sqlite = new SqliteCtmsDbContext(new DbContextOptionsBuilder<SqliteCtmsDbContext>().UseSqlite("Data Source=:memory:").Options);
        sqlite.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for SqliteCtmsDbContext");
        using var postgres = new PostgresCtmsDbContext(new DbContextOptionsBuilder<PostgresCtmsDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);
        postgres.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for PostgresCtmsDbContext");
    }
}
