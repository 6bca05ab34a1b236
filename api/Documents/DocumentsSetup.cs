using Ctms.Api.Hosting;
using Ctms.Domain.Documents;

namespace Ctms.Api.Documents;

internal static class DocumentsSetup
{
    /// <summary>
    /// The file store (<c>documents/</c> under <c>Ctms:DataPath</c>, or <c>Documents:RootPath</c>) and the upload policy
    /// (<c>Documents:MaxBytes</c>, 50 MB by default), for every module that keeps files.
    /// </summary>
    public static IServiceCollection AddCtmsDocuments(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new FileStoreOptions();
        configuration.GetSection("Documents").Bind(options);
        options.RootPath = string.IsNullOrWhiteSpace(options.RootPath)
            ? Path.Combine(CtmsPaths.DataPath(configuration, environment), "documents")
            : Path.GetFullPath(options.RootPath, environment.ContentRootPath);
        if (options.MaxBytes <= 0)
        {
            throw new InvalidOperationException($"Documents:MaxBytes must be positive; it is {options.MaxBytes}.");
        }
        services.AddSingleton(options);
        services.AddSingleton<FileStore>();
        services.AddSingleton<UploadPolicy>();
        return services;
    }
}
