using Ctms.Domain.Integration.Fhir;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Domain.Integration.Dictionary;

public static class DictionaryServiceCollectionExtensions
{
    /// <summary>The hospital's dictionaries over FHIR and the synchronizer that copies them into the data dictionary.</summary>
    public static IServiceCollection AddCtmsDictionarySync(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DictionarySyncOptions>(configuration.GetSection(DictionarySyncOptions.Section));
        services.AddSingleton<IHospitalDictionaries, FhirHospitalDictionaries>();
        services.AddSingleton<DictionarySynchronizer>();
        return services;
    }
}
