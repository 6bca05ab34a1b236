using System.Net;
using System.Net.Http.Json;
using Ctms.Domain.Integration.Dictionary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Integration.Dictionary;

/// <summary>Starts dictionary syncs through the API, waits for them, and counts the dictionary's rows.</summary>
internal static class DictionarySyncDriver
{
    public static async Task<DictionarySyncRunView> StartAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/integration/dictionary-sync", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DictionarySyncRunView>(CtmsAppFactory.Json))!;
    }

    public static async Task<DictionarySyncRunView> WaitAsync(HttpClient admin, Guid runId)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var run = (await admin.GetFromJsonAsync<DictionarySyncRunView>($"/api/integration/dictionary-sync/runs/{runId}", CtmsAppFactory.Json))!;
            if (run.Status != DictionarySyncStatus.Running)
            {
                return run;
            }
            DateTime.UtcNow.ShouldBeLessThan(until, "the sync did not finish in time");
            await Task.Delay(100);
        }
    }

    public static async Task<DictionarySyncRunView> SyncAsync(HttpClient admin) => await WaitAsync(admin, (await StartAsync(admin)).Id);

    public static DictionarySyncKindView For(this DictionarySyncRunView run, DictionaryKind kind) => run.Kinds.Single(k => k.Kind == kind.Name());

    /// <summary>The rows per kind, and the distinct codes per kind (equal when there is no duplicate).</summary>
    public static async Task<Dictionary<DictionaryKind, (int Rows, int Codes)>> RowsAsync(CtmsAppFactory app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Ctms.Domain.Data.CtmsDbContext>();
        var rows = await db.DictionaryEntries.AsNoTracking().Select(e => new { e.Kind, e.Code }).ToListAsync();
        return DictionaryKinds.All.ToDictionary(k => k, k => (rows.Count(r => r.Kind == k), rows.Where(r => r.Kind == k).Select(r => r.Code).Distinct().Count()));
    }

    /// <summary>The simulator's dictionary sizes per kind.</summary>
    public static Dictionary<DictionaryKind, int> Sizes(Ctms.HospitalSim.SyntheticHospital data) => new()
    {
        [DictionaryKind.Department] = data.Departments.Count,
        [DictionaryKind.Staff] = data.Staff.Count,
        [DictionaryKind.Drug] = data.Drugs.Count,
        [DictionaryKind.LabItem] = data.LabItems.Count,
        [DictionaryKind.ExamItem] = data.ExamItems.Count,
    };

    public static async Task<int> OpenAlertsAsync(CtmsAppFactory app, string source, string code)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Ctms.Domain.Data.CtmsDbContext>();
        return await db.IntegrationAlerts.CountAsync(a => a.Source == source && a.Code == code && a.AcknowledgedAt == null);
    }
}
