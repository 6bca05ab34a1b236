using Ctms.Domain.Audit;
using Ctms.Domain.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Ethics.Model;

/// <summary>
/// A member's vote on a meeting item, signed; or, for a member whose vote was still open when the outcome was decided,
/// the record that it was cancelled (no option, no signature). One per member and item.
/// </summary>
public sealed class EthicsVote : IAudited, ISignable
{
    public const int CommentMax = 2000;

    private EthicsVote() { }

    private EthicsVote(Guid itemId, Guid memberId, VoteStatus status, VoteOption? option, string? comment, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ItemId = itemId;
        MemberId = memberId;
        Status = status;
        Option = option;
        Comment = comment;
        RecordedAt = at;
    }

    public static EthicsVote Cast(Guid itemId, Guid memberId, VoteOption option, string? comment, DateTimeOffset at) =>
        new(itemId, memberId, VoteStatus.Cast, option, comment, at);

    public static EthicsVote Cancelled(Guid itemId, Guid memberId, DateTimeOffset at) =>
        new(itemId, memberId, VoteStatus.Cancelled, null, null, at);

    public Guid Id { get; private set; }
    public Guid ItemId { get; private set; }
    public Guid MemberId { get; private set; }
    public VoteStatus Status { get; private set; }
    public VoteOption? Option { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public string SignatureRecordType => "ethics-vote";
    public string SignatureRecordId => Id.ToString();

    public string SignedContent() => Signatures.SignedContent.Of(SignatureRecordType,
        ("item", ItemId.ToString()), ("member", MemberId.ToString()), ("status", Status), ("option", Option), ("comment", Comment), ("at", RecordedAt));
}

internal sealed class EthicsVoteConfiguration : IEntityTypeConfiguration<EthicsVote>
{
    public void Configure(EntityTypeBuilder<EthicsVote> b)
    {
        b.ToTable("ethics_votes");
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.ItemId, v.MemberId }).IsUnique();
        b.HasOne<CommitteeMember>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Option).HasConversion<string>().HasMaxLength(32);
        b.Property(v => v.Comment).HasMaxLength(EthicsVote.CommentMax);
    }
}
