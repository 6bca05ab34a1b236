using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>
/// The CTI office records an investigator's verified GCP certificate (A04's <c>record-qualification</c>, or by hand).
/// A scan, when given, must be a certificate file uploaded for the same person.
/// </summary>
public sealed record RecordGcpCertificate(string UserName, string Issuer, string CertificateNumber, DateOnly IssuedOn, DateOnly ExpiresOn,
    Guid? ScanFileId = null) : ICommand<GcpCertificateDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(UserName), UserName, 256)
        .Required(nameof(Issuer), Issuer, GcpCertificate.IssuerMax)
        .Required(nameof(CertificateNumber), CertificateNumber, GcpCertificate.NumberMax)
        .Must(IssuedOn != default, nameof(IssuedOn), "IssuedOn is required.")
        .Must(ExpiresOn > IssuedOn, nameof(ExpiresOn), "ExpiresOn must be after IssuedOn.");
}

public sealed class RecordGcpCertificateHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordGcpCertificate, GcpCertificateDto>
{
    public async ValueTask<GcpCertificateDto> Handle(RecordGcpCertificate command, CancellationToken ct)
    {
        await PeopleDirectory.EnsureManagerAsync(access, user, ct);
        var person = await PeopleDirectory.FindInvestigatorAsync(db, command.UserName, ct);
        var issuer = command.Issuer.Trim();
        var number = command.CertificateNumber.Trim();
        if (await db.GcpCertificates.AnyAsync(c => c.UserName == person.UserName && c.Issuer == issuer && c.CertificateNumber == number, ct))
        {
            throw new ConflictException($"Certificate {number} of {issuer} is already on record for '{person.UserName}'.");
        }
        if (command.ScanFileId is { } scanId
            && !await db.PersonFiles.AnyAsync(f => f.Id == scanId && f.UserName == person.UserName && f.Kind == PersonFileKind.GcpCertificate, ct))
        {
            throw DomainValidationException.For(nameof(command.ScanFileId), $"File {scanId} is no certificate scan of '{person.UserName}'.");
        }
        var certificate = new GcpCertificate(person.UserName!, issuer, number, command.IssuedOn, command.ExpiresOn, command.ScanFileId,
            user.UserName ?? "system", clock.GetUtcNow());
        db.GcpCertificates.Add(certificate);
        await db.SaveChangesAsync(ct);
        return GcpCertificateDto.From(certificate);
    }
}
