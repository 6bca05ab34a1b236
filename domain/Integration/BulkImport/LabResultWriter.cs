using System.Data.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NpgsqlTypes;

namespace Ctms.Domain.Integration.BulkImport;

/// <summary>
/// Inserts a chunk of lab results in the caller's transaction, skipping those already stored (unique (Source, HospitalId)),
/// the fastest correct way on each provider: on PostgreSQL one <c>INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO
/// NOTHING</c> per chunk (one round trip); on SQLite a prepared single-row <c>INSERT ... ON CONFLICT DO NOTHING</c> run for
/// each row (in-process, so a round trip costs nothing), with the values converted by EF's own type mappings so that EF
/// reads them back as it wrote them. Change tracking is bypassed: a million entities would cost more than the database.
/// </summary>
internal static class LabResultWriter
{
    private static readonly string[] Columns =
    [
        nameof(LabResult.Id), nameof(LabResult.PatientId), nameof(LabResult.HospitalId), nameof(LabResult.Source), nameof(LabResult.System),
        nameof(LabResult.Code), nameof(LabResult.Display), nameof(LabResult.Value), nameof(LabResult.Unit), nameof(LabResult.Low),
        nameof(LabResult.High), nameof(LabResult.Interpretation), nameof(LabResult.EffectiveAt), nameof(LabResult.ReceivedAt),
        nameof(LabResult.OrderId), nameof(LabResult.ImportRunId),
    ];

    /// <summary>Inserts what is new; returns how many rows were inserted.</summary>
    public static Task<int> InsertNewAsync(CtmsDbContext db, DbTransaction transaction, IReadOnlyList<LabResult> rows, CancellationToken ct) =>
        rows.Count == 0 ? Task.FromResult(0)
        : db is PostgresCtmsDbContext ? PostgresAsync(db, transaction, rows, ct)
        : SqliteAsync(db, transaction, rows, ct);

    private static async Task<int> SqliteAsync(CtmsDbContext db, DbTransaction transaction, IReadOnlyList<LabResult> rows, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(LabResult))!;
        var table = entity.GetTableName()!;
        var properties = Columns.Select(c => entity.FindProperty(c)!).ToArray();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))}) ON CONFLICT DO NOTHING";
        var parameters = new (DbParameter Parameter, Func<object?, object?> Convert)[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var mapping = properties[i].GetRelationalTypeMapping();
            var converter = properties[i].GetValueConverter() ?? mapping.Converter;
            var parameter = mapping.CreateParameter(command, "@p" + i, null, properties[i].IsNullable);
            command.Parameters.Add(parameter);
            parameters[i] = (parameter, converter is null ? v => v : v => v is null ? null : converter.ConvertToProvider(v));
        }
        await command.PrepareAsync(ct);
        var inserted = 0;
        foreach (var row in rows)
        {
            var values = Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Parameter.Value = parameters[i].Convert(values[i]) ?? DBNull.Value;
            }
            inserted += await command.ExecuteNonQueryAsync(ct);
        }
        return inserted;
    }

    private static async Task<int> PostgresAsync(CtmsDbContext db, DbTransaction transaction, IReadOnlyList<LabResult> rows, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(LabResult))!;
        var columns = Columns.Select(c => $"\"{entity.FindProperty(c)!.GetColumnName()}\"");
        await using var command = (Npgsql.NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (Npgsql.NpgsqlTransaction)transaction;
        command.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns)}) " +
            "SELECT * FROM unnest(@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15) ON CONFLICT DO NOTHING";
        command.Parameters.AddWithValue("p0", NpgsqlDbType.Array | NpgsqlDbType.Uuid, rows.Select(r => r.Id).ToArray());
        command.Parameters.AddWithValue("p1", NpgsqlDbType.Array | NpgsqlDbType.Uuid, rows.Select(r => r.PatientId).ToArray());
        command.Parameters.AddWithValue("p2", NpgsqlDbType.Array | NpgsqlDbType.Varchar, rows.Select(r => r.HospitalId).ToArray());
        command.Parameters.AddWithValue("p3", NpgsqlDbType.Array | NpgsqlDbType.Varchar, rows.Select(r => r.Source.ToString()).ToArray());
        command.Parameters.AddWithValue("p4", NpgsqlDbType.Array | NpgsqlDbType.Varchar, rows.Select(r => r.System).ToArray());
        command.Parameters.AddWithValue("p5", NpgsqlDbType.Array | NpgsqlDbType.Varchar, rows.Select(r => r.Code).ToArray());
        command.Parameters.AddWithValue("p6", NpgsqlDbType.Array | NpgsqlDbType.Varchar, rows.Select(r => (object?)r.Display ?? DBNull.Value).ToArray());
        command.Parameters.AddWithValue("p7", NpgsqlDbType.Array | NpgsqlDbType.Numeric, rows.Select(r => (object?)r.Value ?? DBNull.Value).ToArray());
        command.Parameters.AddWithValue("p8", NpgsqlDbType.Array | NpgsqlDbType.Varchar, rows.Select(r => (object?)r.Unit ?? DBNull.Value).ToArray());
        command.Parameters.AddWithValue("p9", NpgsqlDbType.Array | NpgsqlDbType.Numeric, rows.Select(r => (object?)r.Low ?? DBNull.Value).ToArray());
        command.Parameters.AddWithValue("p10", NpgsqlDbType.Array | NpgsqlDbType.Numeric, rows.Select(r => (object?)r.High ?? DBNull.Value).ToArray());
        command.Parameters.AddWithValue("p11", NpgsqlDbType.Array | NpgsqlDbType.Varchar, rows.Select(r => (object?)r.Interpretation ?? DBNull.Value).ToArray());
        command.Parameters.AddWithValue("p12", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
            rows.Select(r => r.EffectiveAt is { } at ? (object)at.ToUniversalTime() : DBNull.Value).ToArray());
        command.Parameters.AddWithValue("p13", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, rows.Select(r => r.ReceivedAt.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("p14", NpgsqlDbType.Array | NpgsqlDbType.Uuid, rows.Select(r => (object?)r.OrderId ?? DBNull.Value).ToArray());
        command.Parameters.AddWithValue("p15", NpgsqlDbType.Array | NpgsqlDbType.Uuid, rows.Select(r => (object?)r.ImportRunId ?? DBNull.Value).ToArray());
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static object?[] Values(LabResult r) =>
    [
        r.Id, r.PatientId, r.HospitalId, r.Source, r.System, r.Code, r.Display, r.Value, r.Unit, r.Low, r.High, r.Interpretation,
        r.EffectiveAt, r.ReceivedAt, r.OrderId, r.ImportRunId,
    ];
}
