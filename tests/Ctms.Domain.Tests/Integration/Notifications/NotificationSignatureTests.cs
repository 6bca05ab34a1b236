using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ctms.Domain.Integration.Notifications;

namespace Ctms.Domain.Tests.Integration.Notifications;

public sealed class NotificationSignatureTests
{
    private const string Secret = "sim-secret";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"resourceType":"Bundle","type":"history","entry":[]}""");

    // Computed independently of the class under test: the scheme of the hospital's contract.
    private static string Expected(string secret, long timestamp, string eventId, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(FormattableString.Invariant($"{timestamp}.{eventId}.")).Concat(body).ToArray()));

    private static NotificationCheck Verify(string? eventId, string? timestamp, string? signature, byte[] body) =>
        NotificationSignature.Verify(Secret, eventId, timestamp, signature, body, Now, Window);

    [Fact]
    public void Signing_follows_the_contract()
    {
        var at = Now.ToUnixTimeSeconds();
        NotificationSignature.Sign(Secret, at, "ev-1", Body).ShouldBe(Expected(Secret, at, "ev-1", Body));
    }

    [Fact]
    public void A_notification_signed_with_the_secret_now_is_valid()
    {
        var at = Now.ToUnixTimeSeconds();
        Verify("ev-1", at.ToString(CultureInfo.InvariantCulture), Expected(Secret, at, "ev-1", Body), Body).ShouldBe(NotificationCheck.Valid);
    }

    [Fact]
    public void A_wrong_secret_or_another_event_id_is_a_bad_signature()
    {
        var at = Now.ToUnixTimeSeconds();
        Verify("ev-1", at.ToString(CultureInfo.InvariantCulture), Expected("other-secret", at, "ev-1", Body), Body).ShouldBe(NotificationCheck.BadSignature);
        Verify("ev-2", at.ToString(CultureInfo.InvariantCulture), Expected(Secret, at, "ev-1", Body), Body).ShouldBe(NotificationCheck.BadSignature);
        Verify("ev-1", at.ToString(CultureInfo.InvariantCulture), "sha256=not-hex", Body).ShouldBe(NotificationCheck.BadSignature);
    }

    [Fact]
    public void A_tampered_body_is_a_bad_signature()
    {
        var at = Now.ToUnixTimeSeconds();
        var tampered = Body.ToArray();
        tampered[^3] = (byte)'x';
        Verify("ev-1", at.ToString(CultureInfo.InvariantCulture), Expected(Secret, at, "ev-1", Body), tampered).ShouldBe(NotificationCheck.BadSignature);
    }

    [Fact]
    public void An_old_timestamp_is_stale_even_when_correctly_signed()
    {
        var at = Now.AddMinutes(-6).ToUnixTimeSeconds();
        Verify("ev-1", at.ToString(CultureInfo.InvariantCulture), Expected(Secret, at, "ev-1", Body), Body).ShouldBe(NotificationCheck.Stale);
    }

    [Fact]
    public void A_future_timestamp_beyond_the_window_is_stale_and_one_within_it_is_valid()
    {
        var far = Now.AddMinutes(6).ToUnixTimeSeconds();
        Verify("ev-1", far.ToString(CultureInfo.InvariantCulture), Expected(Secret, far, "ev-1", Body), Body).ShouldBe(NotificationCheck.Stale);
        var near = Now.AddMinutes(4).ToUnixTimeSeconds();
        Verify("ev-1", near.ToString(CultureInfo.InvariantCulture), Expected(Secret, near, "ev-1", Body), Body).ShouldBe(NotificationCheck.Valid);
    }

    [Fact]
    public void A_changed_timestamp_is_a_bad_signature()
    {
        var at = Now.ToUnixTimeSeconds();
        Verify("ev-1", (at + 1).ToString(CultureInfo.InvariantCulture), Expected(Secret, at, "ev-1", Body), Body).ShouldBe(NotificationCheck.BadSignature);
    }

    [Theory]
    [InlineData(null, "1795000000", "sha256=00")]
    [InlineData("", "1795000000", "sha256=00")]
    [InlineData("ev-1", null, "sha256=00")]
    [InlineData("ev-1", "yesterday", "sha256=00")]
    [InlineData("ev-1", "1795000000", null)]
    [InlineData("ev-1", "1795000000", "md5=00")]
    public void Missing_or_unreadable_headers_are_refused(string? eventId, string? timestamp, string? signature) =>
        Verify(eventId, timestamp, signature, Body).ShouldBe(NotificationCheck.Missing);
}
