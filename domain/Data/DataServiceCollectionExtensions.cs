using Ctms.Domain.Access;
using Ctms.Domain.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Domain.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database on the configured provider (<c>Database:Provider</c> = Sqlite | Postgres) and the
    /// domain services. SQLite defaults to <c>{dataPath}/ctms.db</c>; PostgreSQL needs <c>ConnectionStrings:Ctms</c>.
    /// </summary>
    public static IServiceCollection AddCtmsData(this IServiceCollection services, IConfiguration configuration, string dataPath)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString("Ctms");
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Ctms is empty.");
                }
                services.AddDbContext<CtmsDbContext, PostgresCtmsDbContext>(o => o.UseNpgsql(connectionString));
                break;
            default:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    Directory.CreateDirectory(dataPath);
                    connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataPath, "ctms.db") }.ToString();
                }
                services.AddDbContext<CtmsDbContext, SqliteCtmsDbContext>(o => o.UseSqlite(connectionString));
                break;
        }
        services.AddSingleton(new DatabaseInfo(provider));
        services.AddScoped<ProjectAccess>();
        services.AddScoped<Signatures.SignatureSession>();
        services.AddScoped<Signatures.SignatureAuthenticator>();
        services.AddScoped<Signatures.SignatureService>();
        services.AddScoped<AuditChainVerifier>();
        return services;
    }

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{value}' is not known; use Sqlite or Postgres.");
    }
}

/// <summary>The provider the host was configured with, for health reports and tests.</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider);
