using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ctms.Engine.Model;
using Ctms.Engine.Parsing;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Engine.Persistence;

/// <summary>
/// Task forms (form-js JSON) deployed beside the definitions: a form whose content changed gets a new version, the
/// JSON of every version is kept. A form must be a JSON object with an <c>id</c> and a <c>components</c> list.
/// </summary>
public sealed class FormRepository(EngineDbContext db, TimeProvider clock)
{
    /// <summary>The largest form accepted, in characters.</summary>
    public const int MaxCharacters = 1_000_000;

    public async Task<FormRow> DeployAsync(string resourceName, string json, CancellationToken ct = default)
    {
        var formId = Validate(resourceName, json);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var latest = await LatestAsync(formId, ct);
        if (latest is not null && latest.Hash == hash)
        {
            return latest;
        }
        var row = new FormRow
        {
            FormId = formId,
            Version = (latest?.Version ?? 0) + 1,
            ResourceName = resourceName,
            Json = json,
            Hash = hash,
            DeployedAt = clock.GetUtcNow(),
        };
        db.Set<FormRow>().Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Every version of every form (without the JSON), by form id then version.</summary>
    public async Task<IReadOnlyList<FormRow>> ListAsync(CancellationToken ct = default) =>
        await db.Set<FormRow>().AsNoTracking().OrderBy(f => f.FormId).ThenBy(f => f.Version)
            .Select(f => new FormRow { FormId = f.FormId, Version = f.Version, ResourceName = f.ResourceName, Hash = f.Hash, DeployedAt = f.DeployedAt })
            .ToListAsync(ct);

    public Task<FormRow?> LatestAsync(string formId, CancellationToken ct = default) =>
        db.Set<FormRow>().AsNoTracking().Where(f => f.FormId == formId).OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct);

    public Task<FormRow?> VersionAsync(string formId, int version, CancellationToken ct = default) =>
        db.Set<FormRow>().AsNoTracking().SingleOrDefaultAsync(f => f.FormId == formId && f.Version == version, ct);

    private static string Validate(string resourceName, string json)
    {
        var location = new SourceLocation(null, "form", 0);
        BpmnProblem Problem(string message) => new(ProblemCodes.InvalidForm, location, $"{resourceName}: {message}");
        if (json.Length > MaxCharacters)
        {
            throw new BpmnValidationException([Problem($"the form has more than {MaxCharacters:N0} characters.")]);
        }
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(id.GetString()) || !root.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
            {
                throw new BpmnValidationException([Problem("a form-js form is a JSON object with an \"id\" and a \"components\" list.")]);
            }
            return id.GetString()!.Trim();
        }
        catch (JsonException e)
        {
            throw new BpmnValidationException([Problem($"not valid JSON: {e.Message}")]);
        }
    }
}
