using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Domain.Closeout;

public static class CloseoutServiceCollectionExtensions
{
    /// <summary>
    /// The close-out checks of P13. The drug reconciliation and financial settlement registered here answer "not
    /// applicable" until the pharmacy and finance modules arrive: those modules remove these two registrations and add
    /// their own <see cref="IProjectClosureCheck"/> implementations under the same names.
    /// </summary>
    public static IServiceCollection AddCtmsCloseout(this IServiceCollection services)
    {
        services.AddScoped<IProjectClosureCheck, SummaryReportCheck>();
        services.AddScoped<IProjectClosureCheck, DrugReconciliationCheck>();
        services.AddScoped<IProjectClosureCheck, FinancialSettlementCheck>();
        services.AddScoped<ProjectClosureChecks>();
        return services;
    }
}
