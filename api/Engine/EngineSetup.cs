using Ctms.Studio.Services;
using Ctms.Domain.Data;
using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ctms.Api.Engine;

internal static class EngineSetup
{
    /// <summary>
    /// The engine in the host: its context on the domain context's connection (one transaction for both), the
    /// activities the host registers, the command runner, the job executor and the start-up deployment.
    /// </summary>
    public static IServiceCollection AddCtmsEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EngineHostOptions>(configuration.GetSection("Engine"));
        services.AddScoped<EngineDbContext>(sp =>
        {
            var connection = sp.GetRequiredService<CtmsDbContext>().Database.GetDbConnection();
            return sp.GetRequiredService<DatabaseInfo>().Provider == DatabaseProvider.Postgres
                ? EngineDbContextFactory.Postgres((NpgsqlConnection)connection)
                : EngineDbContextFactory.Sqlite((SqliteConnection)connection);
        });
        services.AddSingleton<Ctms.Engine.Runtime.Tasks.TaskChangeFeed>();
        services.AddScoped<IEngineStore>(sp => new EfEngineStore(sp.GetRequiredService<EngineDbContext>(),
            sp.GetRequiredService<Ctms.Engine.Runtime.Tasks.TaskChangeFeed>()));
        // Activities are scoped: they run in the command's scope, on the domain context that shares its transaction.
        services.AddScoped<ActivityRegistry>();
        services.AddActivitiesOf(typeof(Ctms.Activities.ActivitiesAssembly).Assembly);
        services.AddActivityAssemblies(configuration.GetSection("Engine:ActivityAssemblies").Get<string[]>() ?? []);
        services.AddScoped<IActivityRegistry, GuardedActivities>();
        services.AddSingleton(new EngineOptions());
        services.AddScoped(sp => new BpmnEngine(sp.GetRequiredService<IEngineStore>, sp.GetRequiredService<IActivityRegistry>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<EngineOptions>()));
        services.AddScoped(sp => new Ctms.Engine.Runtime.Tasks.TaskService(sp.GetRequiredService<BpmnEngine>(), sp.GetRequiredService<IEngineStore>,
            sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new Ctms.Engine.Forms.TaskForms(sp.GetRequiredService<IEngineStore>));
        services.AddScoped(sp => new FormRepository(sp.GetRequiredService<EngineDbContext>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Ctms.Api.Tasks.TaskChangeRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<Ctms.Api.Tasks.TaskChangeRelay>());
        services.AddSingleton<EngineCommands>();
        services.AddSingleton<IEngineCommandRunner>(s => s.GetRequiredService<EngineCommands>());
        services.AddSingleton<ProcessDefinitionsDeployer>();
        services.AddSingleton<JobExecutor>();
        if (configuration.GetValue("Engine:RunJobs", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<JobExecutor>());
        }
        return services;
    }
}
