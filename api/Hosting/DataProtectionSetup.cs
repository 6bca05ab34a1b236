using System.Security.Cryptography.X509Certificates;
using Ctms.Domain.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Ctms.Api.Hosting;

internal static class DataProtectionSetup
{
    /// <summary>
    /// Keys that sign cookies and bearer tokens live in the database, so every node of a cluster shares them.
    /// With <c>Ctms:DataProtection:CertificatePath</c> (a PFX) they are encrypted at rest with that certificate,
    /// so a copy of the database alone cannot forge a sign-in. Without it they are stored in clear, and the host
    /// says so at start.
    /// </summary>
    public static IServiceCollection AddCtmsDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection().PersistKeysToDbContext<CtmsDbContext>().SetApplicationName("Ctms");
        var path = configuration["Ctms:DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(path, environment.ContentRootPath),
                configuration["Ctms:DataProtection:CertificatePassword"]);
            builder.ProtectKeysWithCertificate(certificate);
        }
        return services;
    }
}
