using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Protocol;

/// <summary>
/// A project's subject-side configuration (O02, O04, O05), one row per project: the numbering rules, the wash-out period
/// for patients coming from another study, the published visit schedule's version and the go-live. The arms, visits,
/// e-CRF pages, criteria and randomization scheme are rows of their own.
/// </summary>
public sealed class ProtocolSetup : IAudited
{
    public const int RuleMax = 64;
    public const string DefaultScreeningRule = "S{seq:000}";
    public const string DefaultSubjectRule = "{protocol}-{seq:000}";

    private ProtocolSetup() { }

    public ProtocolSetup(Guid projectId)
    {
        ProjectId = projectId;
    }

    public Guid ProjectId { get; private set; }

    /// <summary>
    /// The screening number's rule: literal text with the placeholders <c>{seq}</c> / <c>{seq:000}</c> (the project's
    /// running count, zero-padded to the format's width), <c>{protocol}</c>, <c>{site}</c> and <c>{yyyy}</c>.
    /// </summary>
    public string ScreeningNumberRule { get; private set; } = DefaultScreeningRule;

    /// <summary>The subject number's rule, with the same placeholders (its own running count, of enrolled subjects).</summary>
    public string SubjectNumberRule { get; private set; } = DefaultSubjectRule;

    /// <summary>Days a patient who left another study must wait before screening here (0: none).</summary>
    public int WashoutDays { get; private set; }

    /// <summary>The version of the visit schedule last published (0: never published).</summary>
    public int ScheduleVersion { get; private set; }
    public DateTimeOffset? SchedulePublishedAt { get; private set; }
    public string? SchedulePublishedBy { get; private set; }

    /// <summary>When the CTI office's go-live check passed (O05): subjects may be screened from then on.</summary>
    public DateTimeOffset? GoLiveAt { get; private set; }
    public string? GoLiveBy { get; private set; }

    /// <summary>The running counts behind the numbering rules.</summary>
    public int ScreeningCount { get; private set; }
    public int SubjectCount { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void SetRules(string screeningRule, string subjectRule, int washoutDays)
    {
        ScreeningNumberRule = screeningRule;
        SubjectNumberRule = subjectRule;
        WashoutDays = washoutDays;
        Touch();
    }

    public int PublishSchedule(string by, DateTimeOffset at)
    {
        ScheduleVersion++;
        SchedulePublishedAt = at;
        SchedulePublishedBy = by;
        Touch();
        return ScheduleVersion;
    }

    public void GoLive(string by, DateTimeOffset at)
    {
        GoLiveAt = at;
        GoLiveBy = by;
        Touch();
    }

    /// <summary>Takes the next screening sequence number (the row's lock keeps two screenings from taking the same).</summary>
    public int NextScreening()
    {
        Touch();
        return ++ScreeningCount;
    }

    public int NextSubject()
    {
        Touch();
        return ++SubjectCount;
    }

    private void Touch() => Version = Guid.NewGuid();
}

internal sealed class ProtocolSetupConfiguration : IEntityTypeConfiguration<ProtocolSetup>
{
    public void Configure(EntityTypeBuilder<ProtocolSetup> b)
    {
        b.ToTable("protocol_setups");
        b.HasKey(s => s.ProjectId);
        b.HasOne<Projects.Project>().WithOne().HasForeignKey<ProtocolSetup>(s => s.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.ScreeningNumberRule).HasMaxLength(ProtocolSetup.RuleMax).IsRequired();
        b.Property(s => s.SubjectNumberRule).HasMaxLength(ProtocolSetup.RuleMax).IsRequired();
        b.Property(s => s.SchedulePublishedBy).HasMaxLength(Subject.UserNameMax);
        b.Property(s => s.GoLiveBy).HasMaxLength(Subject.UserNameMax);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
