using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Audit;

/// <summary>
/// A change someone asked for and the system refused (no role, a collision, a forbidden file, a move the project's life
/// cycle does not allow). The change itself is rolled back, so it leaves no audit record of its own; this row, written
/// in a transaction of its own after the refusal, puts who tried what, and why it was refused, on the audit trail.
/// </summary>
public sealed class RefusedAttempt : IAudited
{
    public const int PathMax = 512;
    public const int ReasonMax = 1000;

    private RefusedAttempt() { }

    public RefusedAttempt(DateTimeOffset at, string method, string path, int status, string reason)
    {
        Id = Guid.CreateVersion7();
        At = at;
        Method = method;
        Path = path.Length > PathMax ? path[..PathMax] : path;
        Status = status;
        Reason = reason.Length > ReasonMax ? reason[..ReasonMax] : reason;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The HTTP method, or the studio action's name.</summary>
    public string Method { get; private set; } = "";

    /// <summary>The request path (no query string: it may carry search terms about patients).</summary>
    public string Path { get; private set; } = "";

    public int Status { get; private set; }
    public string Reason { get; private set; } = "";
}

internal sealed class RefusedAttemptConfiguration : IEntityTypeConfiguration<RefusedAttempt>
{
    public void Configure(EntityTypeBuilder<RefusedAttempt> b)
    {
        b.ToTable("refused_attempts");
        b.HasKey(r => r.Id);
        b.Property(r => r.Method).HasMaxLength(16).IsRequired();
        b.Property(r => r.Path).HasMaxLength(RefusedAttempt.PathMax).IsRequired();
        b.Property(r => r.Reason).HasMaxLength(RefusedAttempt.ReasonMax).IsRequired();
        b.HasIndex(r => r.At);
    }
}

/// <summary>Writes a <see cref="RefusedAttempt"/> (and so its audit records) in a unit of work of its own.</summary>
public static class RefusedAttempts
{
    public static async Task RecordAsync(CtmsDbContext db, TimeProvider clock, string method, string path, int status, string reason, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Add(new RefusedAttempt(clock.GetUtcNow(), method, path, status, reason));
        await db.SaveChangesAsync(ct);
    }
}
