using Ctms.Domain.Notifications;

namespace Ctms.Api.Notifications;

internal static class NotificationDeliverySetup
{
    /// <summary>
    /// What notifications need beyond their templates: the renderer that prefers an administrator's override, the
    /// template administration, and mail (the <c>Smtp</c> section, the sender and the outbox dispatcher).
    /// </summary>
    public static IServiceCollection AddCtmsNotificationDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NotificationRenderer>();
        services.AddScoped<TemplateAdministration>();
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<MailDispatcher>();
        if (configuration.GetValue("Smtp:RunDispatcher", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());
        }
        return services;
    }
}
