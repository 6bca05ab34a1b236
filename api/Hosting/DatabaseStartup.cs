using Ctms.Domain.Common;
using Ctms.Domain.Access;
using Ctms.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Hosting;

/// <summary>First start: migrate, create the roles, create the administrator; optionally seed the demo.</summary>
internal static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool demo)
    {
        var migrate = app.Configuration.GetValue("Database:MigrateOnStart", true);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<ClaimsCurrentUser>().ActAsSystem();
        if (migrate)
        {
            await MigrateAsync(services);
        }
        await EnsureRolesAsync(services);
        await EnsureAdministratorAsync(services, app.Configuration);
        await app.Services.GetRequiredService<Ctms.Api.Engine.ProcessDefinitionsDeployer>().DeployAllAsync(CancellationToken.None);
        if (demo || app.Configuration.GetValue("Ctms:Demo", false))
        {
            await DemoSeed.RunAsync(services, app.Configuration);
        }
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<CtmsDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Ctms.Database");
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, db.Database.ProviderName, string.Join(", ", pending));
        }
        await db.MigrateAsync();
        await services.GetRequiredService<Ctms.Engine.Persistence.EngineDbContext>().Database.MigrateAsync();
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>
    /// With no administrator yet, creates <c>admin</c> with the password from <c>Ctms:AdminPassword</c>, or a
    /// one-time password printed once on the console (never logged, never stored in clear).
    /// </summary>
    private static async Task EnsureAdministratorAsync(IServiceProvider services, IConfiguration configuration)
    {
        var users = services.GetRequiredService<UserManager<CtmsUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }
        var configured = configuration["Ctms:AdminPassword"];
        var password = string.IsNullOrEmpty(configured) ? OneTimePassword.Generate() : configured;
        var admin = new CtmsUser("admin", "Administrator")
        {
            MustChangePassword = string.IsNullOrEmpty(configured),
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The administrator could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(admin, Roles.Admin);
        if (string.IsNullOrEmpty(configured))
        {
            Console.WriteLine();
            Console.WriteLine("  First start: created the administrator account.");
            Console.WriteLine("    user name: admin");
            Console.WriteLine($"    one-time password: {password}");
            Console.WriteLine("  Sign in and choose a new password; this password is not shown again.");
            Console.WriteLine();
        }
    }
}
