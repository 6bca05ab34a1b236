using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <inheritdoc cref="IInvestigatorQualification"/>
public sealed class InvestigatorQualification(CtmsDbContext db) : IInvestigatorQualification
{
    public async Task EnsureQualifiedAsync(string userName, string role, DateTimeOffset from, DateTimeOffset? until, CancellationToken ct)
    {
        if (!PeopleDirectory.InvestigatorRoles.Contains(role))
        {
            return;
        }
        var first = Qualification.Today(from);
        // The end is exclusive: a membership until midnight needs the certificate through the day before.
        var last = until is { } end ? Qualification.Today(end.AddTicks(-1)) : first;
        var certificates = await db.GcpCertificates.AsNoTracking().Where(c => c.UserName == userName).ToListAsync(ct);
        if (certificates.Any(c => c.Covers(first, last)))
        {
            return;
        }
        var period = last == first ? $"on {first:yyyy-MM-dd}" : $"from {first:yyyy-MM-dd} through {last:yyyy-MM-dd}";
        var latest = certificates.MaxBy(c => c.ExpiresOn);
        throw new ConflictException(latest is null
            ? $"'{userName}' has no GCP certificate on record, so cannot be given the role {role}; the CTI office records one first (A04)."
            : $"'{userName}' cannot be given the role {role}: GCP certificate {latest.CertificateNumber} ({latest.Issuer}) is valid from " +
              $"{latest.IssuedOn:yyyy-MM-dd} and expires on {latest.ExpiresOn:yyyy-MM-dd}, so it is not valid {period}.");
    }
}
