using Ctms.Domain.Integration.Fhir;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Orders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Domain.Integration.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Orders at the hospital (over FHIR) and the inbox of its notifications.</summary>
    public static IServiceCollection AddHospitalOrdersAndNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HospitalNotificationOptions>(configuration.GetSection(HospitalOptions.Section));
        services.AddSingleton<IHospitalOrders, FhirHospitalOrders>();
        services.AddScoped<HospitalNotificationInbox>();
        return services;
    }
}
