namespace Ctms.Api.Hosting;

/// <summary>Where the host keeps its files: <c>Ctms:DataPath</c>, by default <c>data/</c> under the content root.</summary>
internal static class CtmsPaths
{
    public static string DataPath(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Ctms:DataPath"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "data")
            : Path.GetFullPath(configured, environment.ContentRootPath);
    }
}
