using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Notifications;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>
/// The CTI office approves a CRC application (A05's <c>approve-external-user</c>): the account is created with the crc
/// role, its user name being the e-mail address, and a one-time password the CRC must change at first sign-in, which
/// is delivered in the <c>crc-approved</c> notification (and so by mail) and returned once to the approver. A project
/// may be proposed for the first assignment, by protocol number; its PI is returned so that they may assign the CRC.
/// </summary>
public sealed record ApproveCrcApplication(Guid ApplicationId, string? ProposedProtocolNumber = null) : ICommand<CrcApprovalDto>, IValidatable
{
    public const string Template = "crc-approved";

    public void Validate(Validator v) => v.Optional(nameof(ProposedProtocolNumber), ProposedProtocolNumber, Projects.Project.ProtocolNumberMax);
}

public sealed class ApproveCrcApplicationHandler(CtmsDbContext db, UserManager<CtmsUser> users, ProjectAccess access, ICurrentUser user,
    TimeProvider clock, IMediator mediator) : ICommandHandler<ApproveCrcApplication, CrcApprovalDto>
{
    public async ValueTask<CrcApprovalDto> Handle(ApproveCrcApplication command, CancellationToken ct)
    {
        await PeopleDirectory.EnsureManagerAsync(access, user, ct);
        var application = await db.CrcApplications.SingleOrDefaultAsync(a => a.Id == command.ApplicationId, ct)
                          ?? throw new NotFoundException($"CRC application {command.ApplicationId} was not found.");
        var proposed = PeopleDirectory.Trim(command.ProposedProtocolNumber);
        var project = proposed is null ? null
            : await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.ProtocolNumber == proposed, ct)
              ?? throw DomainValidationException.For(nameof(command.ProposedProtocolNumber), $"There is no project with protocol number '{proposed}'.");
        var now = clock.GetUtcNow();
        var userName = application.Email;
        if (await users.FindByNameAsync(userName) is not null)
        {
            throw new ConflictException($"There is already an account '{userName}'.");
        }
        application.Approve(userName, user.UserName ?? "system", now);
        var oneTime = OneTimePassword.Generate();
        var account = new CtmsUser(userName, application.FullName)
        {
            Email = application.Email,
            MustChangePassword = true,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        // Identity saves the account and its role apart: inside the caller's transaction (a process step's) or one of our own.
        await using var tx = db.Database.CurrentTransaction is null ? await db.BeginWriteTransactionAsync(ct) : null;
        IdentityErrors.ThrowIfFailed(await users.CreateAsync(account, oneTime), nameof(application.Email));
        IdentityErrors.ThrowIfFailed(await users.AddToRoleAsync(account, Roles.Crc), "Roles");
        // The one-time password stays out of the notification: its body is stored (and mailed in clear); the approving
        // secretary reads it once and hands it over.
        await mediator.Send(new SendNotification(ApproveCrcApplication.Template, [userName], null, new Dictionary<string, object?>
        {
            ["fullName"] = application.FullName,
            ["userName"] = userName,
            ["smoCompany"] = application.SmoCompany,
        }), ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return new CrcApprovalDto(application.Id, userName, oneTime, project?.Id, project?.PiUserName);
    }
}
