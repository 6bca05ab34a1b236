using Ctms.Domain.Audit;

namespace Ctms.Domain.People;

/// <summary>
/// A Good Clinical Practice training certificate of an investigator, as verified by the CTI office (A04). It is valid
/// from <see cref="IssuedOn"/> through <see cref="ExpiresOn"/> (both days included); an investigator without one valid
/// for the whole period may not be given the pi or sub-investigator role on a project.
/// </summary>
public sealed class GcpCertificate : IAudited
{
    public const int IssuerMax = 200;
    public const int NumberMax = 100;

    private GcpCertificate() { }

    public GcpCertificate(string userName, string issuer, string certificateNumber, DateOnly issuedOn, DateOnly expiresOn, Guid? scanFileId,
        string recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        UserName = userName;
        Issuer = issuer;
        CertificateNumber = certificateNumber;
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
        ScanFileId = scanFileId;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public string UserName { get; private set; } = "";
    public string Issuer { get; private set; } = "";
    public string CertificateNumber { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }

    /// <summary>The last day the certificate is valid.</summary>
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>The scanned certificate (a <see cref="PersonFile"/>), when one was uploaded.</summary>
    public Guid? ScanFileId { get; private set; }

    /// <summary>Who verified and recorded it (the CTI secretary who approved it in A04).</summary>
    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>When A04's expiry timer marked it expired (the people were told then).</summary>
    public DateTimeOffset? MarkedExpiredAt { get; private set; }

    /// <summary>The instant the certificate stops being valid: the start (UTC) of the day after <see cref="ExpiresOn"/>.</summary>
    public DateTimeOffset ExpiresAt => ExpiryInstant(ExpiresOn);

    /// <summary>True when the certificate is valid on every day from <paramref name="from"/> through <paramref name="through"/>.</summary>
    public bool Covers(DateOnly from, DateOnly through) => IssuedOn <= from && through <= ExpiresOn;

    public void MarkExpired(DateTimeOffset at) => MarkedExpiredAt ??= at;

    public static DateTimeOffset ExpiryInstant(DateOnly expiresOn) => new(expiresOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
