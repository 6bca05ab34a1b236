using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>An external CRC applies, without an account (A05's start). One pending application per e-mail address.</summary>
public sealed record SubmitCrcApplication(string FullName, string Email, string? Phone, string SmoCompany, string? WishedProjects)
    : ICommand<CrcApplicationDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(FullName), FullName, CrcApplication.NameMax)
        .Required(nameof(Email), Email, CrcApplication.EmailMax)
        .Must(Email is null || System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out var parsed) && parsed.Address == Email.Trim(), nameof(Email),
            "Email must be an e-mail address.")
        .Optional(nameof(Phone), Phone, CrcApplication.PhoneMax)
        .Must(Phone is null || Phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')'), nameof(Phone),
            "Phone may contain digits, spaces and + - ( ) only.")
        .Required(nameof(SmoCompany), SmoCompany, CrcApplication.NameMax)
        .Optional(nameof(WishedProjects), WishedProjects, CrcApplication.WishedMax);
}

public sealed class SubmitCrcApplicationHandler(CtmsDbContext db, TimeProvider clock) : ICommandHandler<SubmitCrcApplication, CrcApplicationDto>
{
    public async ValueTask<CrcApplicationDto> Handle(SubmitCrcApplication command, CancellationToken ct)
    {
        var email = command.Email.Trim().ToLowerInvariant();
        if (await db.CrcApplications.AnyAsync(a => a.Email == email && a.Status == CrcApplicationStatus.Pending, ct))
        {
            throw new ConflictException("An application with this e-mail address is already waiting for the CTI office.");
        }
        var application = new CrcApplication(command.FullName.Trim(), email, PeopleDirectory.Trim(command.Phone), command.SmoCompany.Trim(),
            PeopleDirectory.Trim(command.WishedProjects), clock.GetUtcNow());
        db.CrcApplications.Add(application);
        await db.SaveChangesAsync(ct);
        return CrcApplicationDto.From(application);
    }
}
