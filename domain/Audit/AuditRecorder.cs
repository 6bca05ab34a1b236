using Ctms.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ctms.Domain.Audit;

/// <summary>Turns the audited entries of a change tracker into one audit record per changed field.</summary>
internal static class AuditRecorder
{
    public const string MaskedValue = "***";

    public static List<AuditRecord> Collect(ChangeTracker tracker, Guid changeSetId, DateTimeOffset now, string userId, string? userName, string? reason)
    {
        var records = new List<AuditRecord>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !entry.Metadata.IsAudited())
            {
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Insert,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            if (action != AuditAction.Insert && entry.Metadata.RequiresReason() && string.IsNullOrWhiteSpace(reason))
            {
                throw DomainValidationException.For("reason", $"A reason is required to change or delete a {entry.Metadata.ClrType.Name}.");
            }
            var entityType = entry.Metadata.ShortName();
            var key = string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => AuditHasher.Canonical(entry.Property(p.Name).CurrentValue)));
            foreach (var property in entry.Properties)
            {
                var meta = property.Metadata;
                if (meta.IsIgnored())
                {
                    continue;
                }
                string? oldValue = action == AuditAction.Insert ? null : AuditHasher.Canonical(property.OriginalValue);
                string? newValue = action == AuditAction.Delete ? null : AuditHasher.Canonical(property.CurrentValue);
                if (action == AuditAction.Update && (!property.IsModified || oldValue == newValue))
                {
                    continue;
                }
                if (action == AuditAction.Insert && newValue is null)
                {
                    continue;
                }
                if (meta.IsMasked())
                {
                    oldValue = oldValue is null ? null : MaskedValue;
                    newValue = newValue is null ? null : MaskedValue;
                }
                records.Add(new AuditRecord(changeSetId, now, userId, userName, action, entityType, key, meta.Name,
                    Clip(oldValue), Clip(newValue), reason));
            }
        }
        return records;
    }

    private static string? Clip(string? value) =>
        value is { Length: > AuditRecord.FieldValueMax } ? value[..AuditRecord.FieldValueMax] : value;
}
