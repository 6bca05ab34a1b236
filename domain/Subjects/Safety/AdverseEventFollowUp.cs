using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Safety;

/// <summary>One follow-up of an adverse event: the outcome and grade then, and what the investigator noted. Never changed.</summary>
public sealed class AdverseEventFollowUp : IAudited
{
    public const int NoteMax = 4000;

    private AdverseEventFollowUp() { }

    public AdverseEventFollowUp(Guid adverseEventId, AdverseEventOutcome outcome, int grade, bool serious, string note, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AdverseEventId = adverseEventId;
        Outcome = outcome;
        Grade = grade;
        Serious = serious;
        Note = note;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid AdverseEventId { get; private set; }
    public AdverseEventOutcome Outcome { get; private set; }
    public int Grade { get; private set; }
    public bool Serious { get; private set; }
    public string Note { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}

internal sealed class AdverseEventFollowUpConfiguration : IEntityTypeConfiguration<AdverseEventFollowUp>
{
    public void Configure(EntityTypeBuilder<AdverseEventFollowUp> b)
    {
        b.ToTable("adverse_event_follow_ups");
        b.HasKey(f => f.Id);
        b.HasIndex(f => f.AdverseEventId);
        b.HasOne<AdverseEvent>().WithMany().HasForeignKey(f => f.AdverseEventId).OnDelete(DeleteBehavior.Restrict);
        b.Property(f => f.Outcome).HasConversion<string>().HasMaxLength(24);
        b.Property(f => f.Note).HasMaxLength(AdverseEventFollowUp.NoteMax).IsRequired();
        b.Property(f => f.By).HasMaxLength(Subject.UserNameMax).IsRequired();
    }
}
