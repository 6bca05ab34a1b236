using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Closeout;

/// <summary>The PI submits (or, after failed checks, resubmits) the study's summary report, once the close-out is open.</summary>
public sealed record SubmitSummaryReport(Guid ProjectId, string Summary, int? ActualEnrollment, Guid? DocumentId)
    : ICommand<CloseoutRecordDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(Summary), Summary, CloseoutRecord.SummaryMax)
        .Must(ActualEnrollment is null or (>= 0 and <= 1_000_000), nameof(ActualEnrollment), "ActualEnrollment must be between 0 and 1,000,000.");
}

public sealed class SubmitSummaryReportHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitSummaryReport, CloseoutRecordDto>
{
    public async ValueTask<CloseoutRecordDto> Handle(SubmitSummaryReport command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.CloseoutReport, command.ProjectId, ct);
        var now = clock.GetUtcNow();
        var (_, record) = await Closeouts.LoadOpenAsync(db, command.ProjectId, ct);
        record.SubmitReport(command.Summary.Trim(), command.ActualEnrollment, command.DocumentId, user.UserName ?? "system", now);
        await db.SaveChangesAsync(ct);
        return CloseoutRecordDto.From(record);
    }
}
