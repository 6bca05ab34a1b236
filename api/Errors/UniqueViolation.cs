using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ctms.Api.Errors;

/// <summary>Recognises a unique-constraint violation on either provider, for the rare race a handler's own check misses.</summary>
internal static class UniqueViolation
{
    public static bool Matches(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };
}
