using System.Security.Cryptography;
using System.Text;
using Ctms.Domain.Integration.Privacy;
using Microsoft.Extensions.Options;
using Shouldly;

namespace Ctms.Domain.Tests.Integration;

public sealed class PatientVaultTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static PatientVault Vault(string active = "a", string? hashKey = null) => new(Options.Create(new PrivacyOptions
    {
        ActiveKeyId = active,
        Keys = { ["a"] = KeyA, ["b"] = KeyB },
        HashKey = hashKey ?? HashKey,
    }));

    [Fact]
    public void A_sealed_MRN_opens_to_itself_and_does_not_contain_it()
    {
        var vault = Vault();
        var sealedMrn = vault.Seal("M00012345", "mrn");
        sealedMrn.KeyId.ShouldBe("a");
        Encoding.UTF8.GetString(sealedMrn.Bytes).ShouldNotContain("M00012345");
        Convert.ToHexString(sealedMrn.Bytes).ShouldNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes("M00012345")));
        vault.Open(sealedMrn.Bytes, sealedMrn.KeyId, "mrn").ShouldBe("M00012345");
    }

    [Fact]
    public void Sealing_twice_gives_two_ciphertexts_but_one_hash()
    {
        var vault = Vault();
        vault.Seal("M1", "mrn").Bytes.ShouldNotBe(vault.Seal("M1", "mrn").Bytes);
        vault.Hash(" m1 ", "mrn").ShouldBe(vault.Hash("M1", "mrn"));
        vault.Hash("M1", "mrn").ShouldNotBe(vault.Hash("M1", "id-number"));
        vault.Hash("M1", "mrn").ShouldNotBe(Vault(hashKey: Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Hash("M1", "mrn"));
    }

    [Fact]
    public void A_tampered_value_or_another_purpose_does_not_open()
    {
        var vault = Vault();
        var sealedMrn = vault.Seal("M00012345", "mrn");
        Should.Throw<CryptographicException>(() => vault.Open(sealedMrn.Bytes, "a", "id-number"));
        var tampered = sealedMrn.Bytes.ToArray();
        tampered[^1] ^= 1;
        Should.Throw<CryptographicException>(() => vault.Open(tampered, "a", "mrn"));
        Should.Throw<CryptographicException>(() => vault.Open(sealedMrn.Bytes, "retired-and-removed", "mrn"));
    }

    [Fact]
    public void After_a_rotation_old_values_still_open_and_new_ones_use_the_new_key()
    {
        var before = Vault(active: "a").Seal("M00012345", "mrn");
        var after = Vault(active: "b");
        after.Open(before.Bytes, before.KeyId, "mrn").ShouldBe("M00012345");
        after.Seal("M00012345", "mrn").KeyId.ShouldBe("b");
    }

    [Fact]
    public void Keys_that_are_missing_or_short_are_refused_at_start()
    {
        Should.Throw<InvalidOperationException>(() => Vault(active: "c")).Message.ShouldContain("ActiveKeyId");
        Should.Throw<InvalidOperationException>(() => new PatientVault(Options.Create(new PrivacyOptions
        {
            ActiveKeyId = "a", Keys = { ["a"] = Convert.ToBase64String(new byte[16]) }, HashKey = HashKey,
        }))).Message.ShouldContain("32");
        Should.Throw<InvalidOperationException>(() => Vault(hashKey: "not base64!")).Message.ShouldContain("HashKey");
    }

    [Theory]
    [InlineData("Wang", "Xiaoming", "WX")]
    [InlineData("Ouyang", "Xiao Ming", "OXM")]
    [InlineData("li", "na-na", "LNN")]
    [InlineData("Émile", "Zola", "EZ")]
    [InlineData("王", "小明", "XX")]
    [InlineData("", "", "X")]
    public void Initials_keep_one_letter_per_name_part_and_no_character_of_a_name(string family, string given, string expected) =>
        PatientVault.Initials(family, given).ShouldBe(expected);
}
