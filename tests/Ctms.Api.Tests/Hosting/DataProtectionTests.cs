using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Hosting;

public sealed class DataProtectionTests
{
    [Fact]
    public async Task With_a_certificate_the_signing_keys_are_stored_encrypted_and_without_one_in_clear()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ctms-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var pfx = Path.Combine(folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Ctms data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-secret"));
        }

        await using var encrypted = new SqliteAppFactory();
        encrypted.Settings["Ctms:DataProtection:CertificatePath"] = pfx;
        encrypted.Settings["Ctms:DataProtection:CertificatePassword"] = "pfx-secret";
        (await KeyXmlAsync(encrypted)).ShouldContain("encryptedSecret");

        await using var plain = new SqliteAppFactory();
        (await KeyXmlAsync(plain)).ShouldNotContain("encryptedSecret");
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string> KeyXmlAsync(SqliteAppFactory app)
    {
        await app.InitializeAsync();
        using var admin = await app.AdminAsync(); // issuing a token creates the first key
        (await admin.GetAsync("/api/me")).EnsureSuccessStatusCode();
        await using var scope = app.Scope();
        var keys = await scope.ServiceProvider.GetRequiredService<CtmsDbContext>().DataProtectionKeys.ToListAsync();
        keys.ShouldNotBeEmpty();
        return string.Join("\n", keys.Select(k => k.Xml));
    }
}
