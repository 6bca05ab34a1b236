using Microsoft.EntityFrameworkCore;

namespace Ctms.Engine.Persistence;

/// <summary>The engine on PostgreSQL (several nodes lease jobs with SKIP LOCKED).</summary>
public sealed class PostgresEngineDbContext(DbContextOptions<PostgresEngineDbContext> options) : EngineDbContext(options)
{
    internal override bool SupportsSkipLocked => true;
}
