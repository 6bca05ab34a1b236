using Ctms.Domain.Closeout;

namespace Ctms.Api.KickOff;

internal static class KickOffServices
{
    /// <summary>The close-out checks: the domain's (summary report, and the pharmacy and finance placeholders) and the host's open-processes check.</summary>
    public static IServiceCollection AddCtmsKickOff(this IServiceCollection services)
    {
        services.AddCtmsCloseout();
        services.AddScoped<IProjectClosureCheck, OpenProcessesCheck>();
        return services;
    }
}
