using System.Security.Cryptography;
using System.Text.Json;
using Ctms.Api.Hosting;
using Ctms.Domain.Integration;
using Ctms.Domain.Integration.Privacy;

namespace Ctms.Api.Integration;

internal static class IntegrationSetup
{
    /// <summary>
    /// The hospital port and the privacy vault. The vault's keys come from configuration (<c>Integration:Privacy</c>, e.g.
    /// environment variables fed from a secret store); when none is configured, from <c>keys/privacy-keys.json</c> in the
    /// data folder, created with fresh random keys on first start (readable by the host's user only). Either way they are
    /// never in the database, so a copy of the database alone does not reveal an MRN.
    /// </summary>
    public static IServiceCollection AddCtmsHospitalIntegration(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddCtmsIntegration(configuration);
        if (string.IsNullOrWhiteSpace(configuration[$"{PrivacyOptions.Section}:{nameof(PrivacyOptions.ActiveKeyId)}"]))
        {
            var file = Path.Combine(CtmsPaths.DataPath(configuration, environment), "keys", "privacy-keys.json");
            services.PostConfigure<PrivacyOptions>(o => Load(o, file));
        }
        return services;
    }

    private static readonly Lock FileLock = new();

    private static void Load(PrivacyOptions options, string file)
    {
        lock (FileLock)
        {
            if (!File.Exists(file))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                var fresh = new KeyFile($"k{DateTime.UtcNow:yyyyMMdd}", new() { [$"k{DateTime.UtcNow:yyyyMMdd}"] = NewKey() }, NewKey());
                File.WriteAllText(file, JsonSerializer.Serialize(fresh));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
            var keys = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(file))
                ?? throw new InvalidOperationException($"{file} is empty.");
            options.ActiveKeyId = keys.ActiveKeyId;
            foreach (var (id, key) in keys.Keys)
            {
                options.Keys[id] = key;
            }
            options.HashKey = keys.HashKey;
        }
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private sealed record KeyFile(string ActiveKeyId, Dictionary<string, string> Keys, string HashKey);
}
