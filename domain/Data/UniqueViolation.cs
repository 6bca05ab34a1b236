using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ctms.Domain.Data;

/// <summary>
/// Recognises a unique-constraint violation on either provider, for the rare race a handler's own check misses: the API
/// answers it with 409, and a handler that knows what the unique value means (a project number) says so.
/// </summary>
public static class UniqueViolation
{
    public static bool Matches(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };
}
