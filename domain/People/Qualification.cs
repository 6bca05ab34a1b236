namespace Ctms.Domain.People;

/// <summary>The qualification rule's arithmetic, in one place for the check, the lists and the studio.</summary>
public static class Qualification
{
    /// <summary>How long before a certificate expires the person and the CTI office are warned (A04's timer says the same).</summary>
    public const int WarningDays = 30;

    /// <summary>The certificate that counts today: the one valid today that lasts longest, else the latest to expire.</summary>
    public static GcpCertificate? Current(IEnumerable<GcpCertificate> certificates, DateOnly today)
    {
        var all = certificates.ToList();
        return all.Where(c => c.Covers(today, today)).MaxBy(c => c.ExpiresOn) ?? all.MaxBy(c => c.ExpiresOn);
    }

    public static QualificationState StateOf(GcpCertificate? current, DateOnly today) =>
        current is null ? QualificationState.None
        : !current.Covers(today, today) ? QualificationState.Expired
        : current.ExpiresOn < today.AddDays(WarningDays) ? QualificationState.Expiring
        : QualificationState.Valid;

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}
