using Ctms.Domain.Access;

namespace Ctms.Domain.Tests.Access;

public sealed class OneTimePasswordTests
{
    [Fact]
    public void Generated_passwords_meet_the_policy_and_differ()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => OneTimePassword.Generate()).ToList();
        passwords.ShouldBeUnique();
        passwords.ShouldAllBe(p => p.Length == 16 && p.Any(char.IsUpper) && p.Any(char.IsLower) && p.Any(char.IsDigit) && p.Any(c => !char.IsLetterOrDigit(c)));
    }
}
