using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Audit;

/// <summary>Model annotations that tell the audit trail what to record and how.</summary>
public static class AuditModelExtensions
{
    internal const string Audited = "Ctms:Audited";
    internal const string ReasonRequired = "Ctms:AuditReasonRequired";
    internal const string Masked = "Ctms:AuditMasked";
    internal const string Ignored = "Ctms:AuditIgnored";

    /// <summary>Audits an entity type that cannot implement <see cref="IAudited"/> (a framework type).</summary>
    public static EntityTypeBuilder<T> IsAudited<T>(this EntityTypeBuilder<T> builder) where T : class =>
        builder.HasAnnotation(Audited, true);

    /// <summary>Updates and deletes of this entity are refused unless the save carries a reason.</summary>
    public static EntityTypeBuilder<T> RequiresAuditReason<T>(this EntityTypeBuilder<T> builder) where T : class =>
        builder.HasAnnotation(ReasonRequired, true);

    /// <summary>The trail records that the field changed, never its value (password hashes, secrets).</summary>
    public static PropertyBuilder<TProperty> IsAuditMasked<TProperty>(this PropertyBuilder<TProperty> builder) =>
        builder.HasAnnotation(Masked, true);

    /// <summary>The field is not recorded at all (derived or technical values such as normalized names).</summary>
    public static PropertyBuilder<TProperty> IsAuditIgnored<TProperty>(this PropertyBuilder<TProperty> builder) =>
        builder.HasAnnotation(Ignored, true);

    internal static bool IsAudited(this IEntityType type) =>
        typeof(IAudited).IsAssignableFrom(type.ClrType) || type.FindAnnotation(Audited)?.Value is true;

    internal static bool RequiresReason(this IEntityType type) => type.FindAnnotation(ReasonRequired)?.Value is true;

    internal static bool IsMasked(this IProperty p) => p.FindAnnotation(Masked)?.Value is true;

    internal static bool IsIgnored(this IProperty p) => p.FindAnnotation(Ignored)?.Value is true;
}
