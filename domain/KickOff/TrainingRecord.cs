using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.KickOff;

/// <summary>One participant trained on one topic: by whom, when, and the evidence (a signed sheet, a certificate).</summary>
public sealed class TrainingRecord : IAudited
{
    public const int TrainerMax = 256;
    public const int EvidenceMax = 1000;

    private TrainingRecord() { }

    public TrainingRecord(Guid projectId, Guid participantId, TrainingTopic topic, string trainer, DateOnly trainedOn, string? evidence,
        string recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        ParticipantId = participantId;
        Topic = topic;
        Trainer = trainer;
        TrainedOn = trainedOn;
        Evidence = evidence;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public TrainingTopic Topic { get; private set; }
    public string Trainer { get; private set; } = "";
    public DateOnly TrainedOn { get; private set; }
    public string? Evidence { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> b)
    {
        b.ToTable("training_records");
        b.HasKey(t => t.Id);
        b.HasOne<KickOffParticipant>().WithMany().HasForeignKey(t => t.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.ProjectId);
        b.Property(t => t.Topic).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.Trainer).HasMaxLength(TrainingRecord.TrainerMax).IsRequired();
        b.Property(t => t.Evidence).HasMaxLength(TrainingRecord.EvidenceMax);
        b.Property(t => t.RecordedBy).HasMaxLength(TrainingRecord.TrainerMax).IsRequired();
    }
}
