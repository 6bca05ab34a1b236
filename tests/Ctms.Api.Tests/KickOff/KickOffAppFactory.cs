using Ctms.Domain.Closeout;
using Ctms.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.KickOff;

/// <summary>
/// The host on SQLite with one more closure check registered (as the pharmacy module will register its own), which the
/// tests switch to failing for a project.
/// </summary>
public sealed class KickOffAppFactory : CtmsAppFactory
{
    public SwitchableClosureCheck ExtraCheck { get; } = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataPath, "ctms.db"), Pooling = false }.ToString();

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(DataPath);
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IProjectClosureCheck>(ExtraCheck));
    }
}
