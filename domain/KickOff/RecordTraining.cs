using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.KickOff;

/// <summary>Records that a participant was trained on a topic at (or around) the kick-off: trainer, date and evidence.</summary>
public sealed record RecordTraining(Guid ProjectId, Guid ParticipantId, TrainingTopic Topic, string Trainer, DateOnly TrainedOn, string? Evidence)
    : ICommand<TrainingRecordDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(Enum.IsDefined(Topic), nameof(Topic), $"Topic must be one of: {string.Join(", ", Enum.GetNames<TrainingTopic>())}.")
        .Required(nameof(Trainer), Trainer, TrainingRecord.TrainerMax)
        .Must(TrainedOn != default, nameof(TrainedOn), "TrainedOn is required.")
        .Optional(nameof(Evidence), Evidence, TrainingRecord.EvidenceMax);
}

public sealed class RecordTrainingHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordTraining, TrainingRecordDto>
{
    public async ValueTask<TrainingRecordDto> Handle(RecordTraining command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.KickOffManage, command.ProjectId, ct);
        var now = clock.GetUtcNow();
        var kickOff = await KickOffSnapshot.LoadAsync(db, command.ProjectId, now, ct);
        kickOff.RequireMeeting().EnsureOpen();
        _ = kickOff.Participants.SingleOrDefault(p => p.Id == command.ParticipantId)
            ?? throw new NotFoundException($"Participant {command.ParticipantId} was not found on this project's kick-off.");
        if (command.TrainedOn > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)))
        {
            throw DomainValidationException.For(nameof(command.TrainedOn), "A training cannot be recorded for a future date.");
        }
        var record = new TrainingRecord(command.ProjectId, command.ParticipantId, command.Topic, command.Trainer.Trim(), command.TrainedOn,
            string.IsNullOrWhiteSpace(command.Evidence) ? null : command.Evidence.Trim(), user.UserName ?? "system", now);
        db.TrainingRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return TrainingRecordDto.From(record);
    }
}
