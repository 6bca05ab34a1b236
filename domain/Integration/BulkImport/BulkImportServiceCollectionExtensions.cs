using Ctms.Domain.Integration.Fhir;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Domain.Integration.BulkImport;

public static class BulkImportServiceCollectionExtensions
{
    /// <summary>
    /// Bulk imports of lab results (<c>Integration:BulkImport</c>): the files in <c>imports/</c> under the data folder unless
    /// <see cref="BulkImportOptions.FolderPath"/> is set, the importer, the hospital's export and the background queue.
    /// </summary>
    public static IServiceCollection AddCtmsBulkImport(this IServiceCollection services, IConfiguration configuration, string dataPath)
    {
        services.AddOptions<BulkImportOptions>().Bind(configuration.GetSection(BulkImportOptions.Section)).PostConfigure(o =>
            o.FolderPath = string.IsNullOrWhiteSpace(o.FolderPath) ? Path.Combine(dataPath, "imports") : Path.GetFullPath(o.FolderPath, dataPath));
        services.AddSingleton<FhirBulkExport>();
        services.AddSingleton<BulkImporter>();
        services.AddSingleton<BulkImportQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<BulkImportQueue>());
        services.AddScoped<BulkImports>();
        return services;
    }
}
