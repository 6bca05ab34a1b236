using Ctms.Api.Hosting;
using Ctms.Domain.People;
using Ctms.Studio.Components.Pages.People;

namespace Ctms.Api.People;

internal static class PeopleSetup
{
    /// <summary>The people module: the qualification rule, the store of CVs and certificate scans, the CRC intake.</summary>
    public static IServiceCollection AddCtmsPeople(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<IInvestigatorQualification, InvestigatorQualification>();
        services.AddSingleton(new PeopleFileStore(Path.Combine(CtmsPaths.DataPath(configuration, environment), "people")));
        services.AddScoped<CrcApprovals>();
        services.AddSingleton<CrcIntake>();
        return services;
    }
}
