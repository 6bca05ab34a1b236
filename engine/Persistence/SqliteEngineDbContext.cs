using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ctms.Engine.Persistence;

/// <summary>The engine on SQLite (the embedded default; one node leases jobs).</summary>
public sealed class SqliteEngineDbContext(DbContextOptions<SqliteEngineDbContext> options) : EngineDbContext(options)
{
    internal override bool SupportsSkipLocked => false;

    // SQLite has no date-time type: store instants as sortable numbers so due-time queries run in the database.
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
