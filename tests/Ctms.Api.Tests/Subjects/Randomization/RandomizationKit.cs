using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Ctms.Domain.Integration.Privacy;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Protocol;

namespace Ctms.Api.Tests.Subjects.Randomization;

/// <summary>
/// What the randomization tests need before a randomization: the protocol's arms and enrolled subjects. The recruitment
/// part's endpoints (consent, screening, enrollment) are another part's, so the subjects are put where recruitment
/// leaves them, through the domain's own methods (a registry patient, a consent, an eligibility outcome, an enrollment).
/// </summary>
internal static class RandomizationKit
{
    public const string Password = "Passw0rd!Passw0rd!";

    public static Task AddArmsAsync(SubjectStudy s, params (string Code, string Name, int Ratio)[] arms) =>
        s.InDbAsync(async db =>
        {
            foreach (var (code, name, ratio) in arms)
            {
                db.StudyArms.Add(new StudyArm(s.ProjectId, code, name, ratio, null));
            }
            return await db.SaveChangesAsync();
        });

    /// <summary>A subject in <paramref name="status"/> (Enrolled by default), eligible unless told otherwise, consented on ICF version 1.</summary>
    public static Task<Guid> SubjectAsync(SubjectStudy s, bool eligible = true, SubjectStatus status = SubjectStatus.Enrolled) =>
        s.InDbAsync(async db =>
        {
            var now = s.App.Clock.GetUtcNow();
            var patient = new RegisteredPatient(new SealedValue(RandomNumberGenerator.GetBytes(32), "test"), RandomNumberGenerator.GetBytes(32), null,
                RandomNumberGenerator.GetBytes(32), "T.S.", new DateOnly(1970, 1, 1), "F", "test", now);
            db.Add(patient);
            var count = db.Subjects.Count(x => x.ProjectId == s.ProjectId) + 1;
            var subject = new Subject(s.ProjectId, patient.Id, "T.S.", $"S{count:000}", "test", now);
            db.Subjects.Add(subject);
            subject.RecordConsent(1, now);
            subject.RecordEligibility(eligible, now);
            if (status != SubjectStatus.Screening)
            {
                db.SubjectStatusChanges.Add(subject.Enroll($"{s.ProtocolNumber}-{count:000}", null, "test", now));
            }
            await db.SaveChangesAsync();
            return subject.Id;
        });

    public static async Task<HttpResponseMessage> ConfigureAsync(HttpClient by, Guid projectId, object scheme) =>
        await by.PutAsJsonAsync($"/api/projects/{projectId}/randomization", scheme);

    /// <summary>Configures and locks a scheme as the data manager; fails the test if either is refused.</summary>
    public static async Task LockedSchemeAsync(SubjectStudy s, object scheme)
    {
        var configured = await ConfigureAsync(s.DataManager.Client, s.ProjectId, scheme);
        configured.StatusCode.ShouldBe(HttpStatusCode.OK, await configured.Content.ReadAsStringAsync());
        var locked = await s.DataManager.Client.PostAsync($"/api/projects/{s.ProjectId}/randomization/lock", null);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK, await locked.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> RandomizeAsync(Member by, Guid subjectId, object? factors = null)
    {
        var response = await by.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/randomize", new { factors = factors ?? new { } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<JsonElement>();
    }

    public static object StratifiedDoubleBlind(string seed = "stratified-seed-0001") => new
    {
        method = "StratifiedBlock",
        blockSizes = new[] { 4, 6 },
        factors = new[] { new { code = "sex", levels = new[] { "M", "F" } }, new { code = "age", levels = new[] { "<65", ">=65" } } },
        seed,
        listLength = 24,
        blinding = "Double",
        unblindedRoles = new[] { "pharmacist" },
    };
}
