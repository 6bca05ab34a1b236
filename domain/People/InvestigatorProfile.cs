using Ctms.Domain.Audit;

namespace Ctms.Domain.People;

/// <summary>What the CTI office keeps about an investigator (a user with the pi or sub-investigator role) besides the account.</summary>
public sealed class InvestigatorProfile : IAudited
{
    public const int TextMax = 200;

    private InvestigatorProfile() { }

    public InvestigatorProfile(string userName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        UserName = userName;
        UpdatedAt = at;
    }

    public Guid Id { get; private set; }
    public string UserName { get; private set; } = "";

    /// <summary>Professional title (chief physician, associate professor...).</summary>
    public string? Title { get; private set; }

    public string? Department { get; private set; }
    public string? Specialty { get; private set; }

    /// <summary>The medical practitioner's licence number.</summary>
    public string? LicenceNumber { get; private set; }

    public string? Phone { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Update(string? title, string? department, string? specialty, string? licenceNumber, string? phone, DateTimeOffset at)
    {
        Title = title;
        Department = department;
        Specialty = specialty;
        LicenceNumber = licenceNumber;
        Phone = phone;
        UpdatedAt = at;
    }
}
