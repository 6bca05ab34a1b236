using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ctms.Domain.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's model without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCtmsDbContext>
{
    public SqliteCtmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCtmsDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <inheritdoc cref="SqliteDesignTimeFactory"/>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCtmsDbContext>
{
    public PostgresCtmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCtmsDbContext>().UseNpgsql("Host=localhost;Database=ctms_design").Options);
}
