using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Pharmacy.Stock;
using Ctms.Domain.Subjects.Randomization;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Pharmacy;

/// <summary>
/// How every pharmacy command finds what it works on and checks who asks: a kit, a batch or a shipment is looked up
/// within its project, and someone who may not read the project's pharmacy learns nothing of it (404) while a reader
/// without the action gets a 403. Whether a kit's content (its arm) may be shown is decided by the randomization's
/// blinding (<see cref="ArmVisibility"/>), the same rule as for a subject's arm.
/// </summary>
public sealed class PharmacyStore(CtmsDbContext db, ProjectAccess access, ICurrentUser user, ArmVisibility arms)
{
    public string UserName => user.UserName ?? "";

    /// <summary>Checks the action on the project: 404 to someone who may not read its pharmacy, 403 to a reader without the action.</summary>
    public async Task EnsureAsync(Guid projectId, string action, CancellationToken ct = default)
    {
        if (!await access.CanAsync(user.Access, ProjectActions.PharmacyRead, projectId, ct))
        {
            throw new NotFoundException($"Project {projectId} was not found.");
        }
        if (action != ProjectActions.PharmacyRead)
        {
            await access.EnsureAsync(user.Access, action, projectId, ct);
        }
    }

    /// <summary>The global permission on the pharmacy's places.</summary>
    public async Task EnsureLocationsAsync(CancellationToken ct = default)
    {
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.PharmacyLocations, ct))
        {
            throw new ForbiddenException("Only the pharmacy and the administrators manage the pharmacy's places.");
        }
    }

    /// <summary>A kit (tracked) by its id, checked against the action on its project.</summary>
    public async Task<Kit> KitAsync(Guid kitId, string action, CancellationToken ct = default)
    {
        var kit = await db.Kits.SingleOrDefaultAsync(k => k.Id == kitId, ct) ?? throw new NotFoundException($"Kit {kitId} was not found.");
        await EnsureAsync(kit.ProjectId, action, ct);
        return kit;
    }

    /// <summary>
    /// The kit a scanned (or typed) code names in the project: the kit number printed on its label. Surrounding blanks and
    /// the scanner's control characters are dropped; kit numbers are kept upper case, so a typed lower-case code matches.
    /// </summary>
    public async Task<Kit> ScannedKitAsync(Guid projectId, string? code, CancellationToken ct = default)
    {
        var number = ScanCode.Clean(code);
        if (number.Length == 0)
        {
            throw DomainValidationException.For("code", "Scan the kit's label (or type its kit number).");
        }
        return await db.Kits.SingleOrDefaultAsync(k => k.ProjectId == projectId && k.KitNumber == number, ct)
               ?? throw new ConflictException($"No kit of this study has the code {number}.");
    }

    /// <summary>A place of the pharmacy by its id (tracked or not, read only).</summary>
    public async Task<StockLocation> LocationAsync(Guid locationId, CancellationToken ct = default) =>
        await db.StockLocations.SingleOrDefaultAsync(l => l.Id == locationId, ct) ?? throw new NotFoundException($"Place {locationId} was not found.");

    /// <summary>Whether the user may see what the project's kits hold: the blinding of its randomization decides.</summary>
    public async Task<bool> CanSeeContentAsync(Guid projectId, CancellationToken ct = default)
    {
        var scheme = await db.RandomizationSchemes.AsNoTracking().SingleOrDefaultAsync(s => s.ProjectId == projectId, ct);
        return scheme is null || await arms.HasUnblindedRoleAsync(scheme, projectId, ct);
    }
}

/// <summary>What a barcode scanner types: the code, perhaps with a prefix, a suffix or control characters around it.</summary>
public static class ScanCode
{
    public const int Max = 64;

    /// <summary>The code without blanks and control characters around it, upper case (as kit and shipment numbers are kept).</summary>
    public static string Clean(string? code) =>
        new string((code ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim().ToUpperInvariant();
}
