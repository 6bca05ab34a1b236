using Ctms.Api.Engine;
using Ctms.Domain.Notifications;

namespace Ctms.Api.Hosting;

internal static class NotificationsSetup
{
    /// <summary>
    /// The notification templates: <c>Notifications:TemplatesPath</c>, by default <c>templates/</c> of the definitions
    /// folder, beside the processes that send them.
    /// </summary>
    public static IServiceCollection AddCtmsNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new NotificationOptions();
        configuration.GetSection("Notifications").Bind(options);
        if (string.IsNullOrWhiteSpace(options.TemplatesPath))
        {
            var engine = new EngineHostOptions();
            configuration.GetSection("Engine").Bind(engine);
            var definitions = ProcessDefinitionsDeployer.FindFolder(engine, environment);
            options.TemplatesPath = definitions is null ? Path.Combine(environment.ContentRootPath, "templates") : Path.Combine(definitions, "templates");
        }
        else
        {
            options.TemplatesPath = Path.GetFullPath(options.TemplatesPath, environment.ContentRootPath);
        }
        services.AddSingleton(options);
        services.AddSingleton<NotificationTemplates>();
        return services;
    }
}
