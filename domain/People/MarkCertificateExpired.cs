using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>A04's timer at a certificate's expiry marks it expired; before that moment it is refused.</summary>
public sealed record MarkCertificateExpired(Guid CertificateId) : ICommand<GcpCertificateDto>;

public sealed class MarkCertificateExpiredHandler(CtmsDbContext db, Access.ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<MarkCertificateExpired, GcpCertificateDto>
{
    public async ValueTask<GcpCertificateDto> Handle(MarkCertificateExpired command, CancellationToken ct)
    {
        await PeopleDirectory.EnsureManagerAsync(access, user, ct);
        var certificate = await db.GcpCertificates.SingleOrDefaultAsync(c => c.Id == command.CertificateId, ct)
                          ?? throw new NotFoundException($"Certificate {command.CertificateId} was not found.");
        var now = clock.GetUtcNow();
        if (now < certificate.ExpiresAt)
        {
            throw new ConflictException($"Certificate {certificate.CertificateNumber} is valid through {certificate.ExpiresOn:yyyy-MM-dd}; it has not expired.");
        }
        certificate.MarkExpired(now);
        await db.SaveChangesAsync(ct);
        return GcpCertificateDto.From(certificate);
    }
}
