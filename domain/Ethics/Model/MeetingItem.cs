using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Ethics.Model;

/// <summary>
/// A review on a meeting's agenda: its place, the discussion notes, the members recused from it, the votes, and the
/// outcome of the tally.
/// </summary>
public sealed class MeetingItem : IAudited
{
    public const int NotesMax = 8000;

    private MeetingItem() { }

    public MeetingItem(Guid meetingId, Guid reviewId, int position)
    {
        Id = Guid.CreateVersion7();
        MeetingId = meetingId;
        ReviewId = reviewId;
        Position = position;
        Status = MeetingItemStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid ReviewId { get; private set; }
    public int Position { get; internal set; }
    public MeetingItemStatus Status { get; internal set; }
    public string? DiscussionNotes { get; internal set; }

    /// <summary>The outcome of the vote, once the tally decided it.</summary>
    public VoteOption? Outcome { get; internal set; }

    public DateTimeOffset? DecidedAt { get; internal set; }

    public List<MeetingRecusal> Recusals { get; private set; } = [];
    public List<EthicsVote> Votes { get; private set; } = [];
}

/// <summary>A member recused from a meeting item, with why (a declared conflict of interest, or one declared at the meeting).</summary>
public sealed class MeetingRecusal : IAudited
{
    public const int ReasonMax = 1000;

    private MeetingRecusal() { }

    public MeetingRecusal(Guid itemId, Guid memberId, string reason, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        ItemId = itemId;
        MemberId = memberId;
        Reason = reason;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid ItemId { get; private set; }
    public Guid MemberId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}

internal sealed class MeetingItemConfiguration : IEntityTypeConfiguration<MeetingItem>
{
    public void Configure(EntityTypeBuilder<MeetingItem> b)
    {
        b.ToTable("ethics_meeting_items");
        b.HasKey(i => i.Id);
        b.HasIndex(i => new { i.MeetingId, i.ReviewId }).IsUnique();
        b.HasIndex(i => i.ReviewId);
        b.HasOne<EthicsReview>().WithMany().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(32);
        b.Property(i => i.DiscussionNotes).HasMaxLength(MeetingItem.NotesMax);
        b.HasMany(i => i.Recusals).WithOne().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Votes).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingRecusalConfiguration : IEntityTypeConfiguration<MeetingRecusal>
{
    public void Configure(EntityTypeBuilder<MeetingRecusal> b)
    {
        b.ToTable("ethics_meeting_recusals");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.ItemId, r.MemberId }).IsUnique();
        b.HasOne<CommitteeMember>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Reason).HasMaxLength(MeetingRecusal.ReasonMax).IsRequired();
    }
}
