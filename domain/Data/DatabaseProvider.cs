namespace Ctms.Domain.Data;

/// <summary>The storage the host runs on, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
