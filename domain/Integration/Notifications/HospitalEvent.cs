using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Integration.Notifications;

/// <summary>
/// A notification the hospital sent and the CTMS processed, remembered by its event id so that a redelivery is answered
/// as a duplicate and processed once. No body and no patient identifier is kept: only what it was and what came of it.
/// </summary>
public sealed class HospitalEvent
{
    public const int KindMax = 64;
    public const int OutcomeMax = 32;

    private HospitalEvent() { }

    public HospitalEvent(string eventId, DateTimeOffset receivedAt, string kind, string outcome, int resources, int messages, int stored, int unknown)
    {
        Id = Guid.CreateVersion7();
        EventId = eventId;
        ReceivedAt = receivedAt;
        Kind = kind.Length > KindMax ? kind[..KindMax] : kind;
        Outcome = outcome;
        Resources = resources;
        Messages = messages;
        Stored = stored;
        Unknown = unknown;
    }

    public Guid Id { get; private set; }

    /// <summary>The hospital's <c>X-Hospital-Event-Id</c>; unique.</summary>
    public string EventId { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The kinds of resource it carried (e.g. <c>Observation,ServiceRequest</c>).</summary>
    public string Kind { get; private set; } = "";

    /// <summary><c>processed</c>, or <c>partly-unknown</c> when some results or patients were not the CTMS's.</summary>
    public string Outcome { get; private set; } = "";

    /// <summary>Resources in the bundle.</summary>
    public int Resources { get; private set; }

    /// <summary>BPMN messages correlated from it.</summary>
    public int Messages { get; private set; }

    /// <summary>Results stored.</summary>
    public int Stored { get; private set; }

    /// <summary>Results for no known order and encounters of no registered patient (acknowledged, nothing stored).</summary>
    public int Unknown { get; private set; }
}

internal sealed class HospitalEventConfiguration : IEntityTypeConfiguration<HospitalEvent>
{
    public void Configure(EntityTypeBuilder<HospitalEvent> b)
    {
        b.ToTable("hospital_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.EventId).HasMaxLength(NotificationSignature.EventIdMax).IsRequired();
        b.HasIndex(e => e.EventId).IsUnique();
        b.Property(e => e.Kind).HasMaxLength(HospitalEvent.KindMax).IsRequired();
        b.Property(e => e.Outcome).HasMaxLength(HospitalEvent.OutcomeMax).IsRequired();
    }
}
