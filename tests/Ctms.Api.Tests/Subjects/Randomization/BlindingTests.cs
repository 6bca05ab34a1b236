using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects.Randomization;

/// <summary>
/// Blinding: in a double-blind study no blinded role reads an arm through any randomization endpoint; the pharmacist
/// does; the PI's emergency unblinding is signed, notified to the sponsor side without the arm, audited, and shows the
/// arm to that PI only; an arm switch is for those who see the arm.
/// </summary>
public sealed class BlindingTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    // Distinctive codes and names, so that a leak anywhere in a body is found by a plain search.
    private const string ActiveCode = "QXACTIVE";
    private const string ActiveName = "Verumzolid 40 mg";
    private const string PlaceboCode = "QXPLACEBO";
    private const string PlaceboName = "Matching dummy tablet";

    private static async Task<(SubjectStudy Study, Guid Subject)> DoubleBlindAsync(SqliteAppFactory app)
    {
        var s = await SubjectStudy.CreateAsync(app);
        await RandomizationKit.AddArmsAsync(s, (ActiveCode, ActiveName, 1), (PlaceboCode, PlaceboName, 1));
        await RandomizationKit.LockedSchemeAsync(s, RandomizationKit.StratifiedDoubleBlind("blinding-seed-" + Guid.NewGuid()));
        var subject = await RandomizationKit.SubjectAsync(s);
        return (s, subject);
    }

    private static void ShouldNotNameAnArm(string body, string who)
    {
        foreach (var leak in new[] { ActiveCode, ActiveName, PlaceboCode, PlaceboName })
        {
            body.ShouldNotContain(leak, Case.Insensitive, $"{who} is blinded");
        }
    }

    [Fact]
    public async Task No_blinded_role_sees_an_arm_through_any_endpoint_and_the_pharmacist_does()
    {
        var (s, subject) = await DoubleBlindAsync(app);
        using var _ = s;
        var randomized = await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{subject}/randomize", new { factors = new { sex = "F", age = "<65" } });
        randomized.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldNotNameAnArm(await randomized.Content.ReadAsStringAsync(), "the randomizing PI");
        // A second subject randomized by the sub-investigator: that answer is blinded too.
        var other = await RandomizationKit.SubjectAsync(s);
        var second = await s.SubInvestigator.Client.PostAsJsonAsync($"/api/subjects/{other}/randomize", new { factors = new { sex = "M", age = ">=65" } });
        ShouldNotNameAnArm(await second.Content.ReadAsStringAsync(), "the randomizing sub-investigator");

        var blinded = new[] { ("pi", s.Pi), ("sub-investigator", s.SubInvestigator), ("nurse", s.Nurse), ("crc", s.Crc), ("cra", s.Cra),
            ("data-manager", s.DataManager), ("cti-secretary", s.Secretary) };
        foreach (var (who, member) in blinded)
        {
            foreach (var url in new[] { $"/api/subjects/{subject}/allocation", $"/api/subjects/{other}/allocation" })
            {
                var response = await member.Client.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{who} {url}");
                ShouldNotNameAnArm(await response.Content.ReadAsStringAsync(), who);
            }
            // The scheme names the protocol's arms (as the protocol does) but nothing of any subject's allocation.
            var scheme = await (await member.Client.GetAsync($"/api/projects/{s.ProjectId}/randomization")).Content.ReadAsStringAsync();
            scheme.ShouldNotContain(subject.ToString());
            scheme.ShouldNotContain("R0001");
            scheme.ShouldNotContain("sequence", Case.Insensitive);
            // The refusals do not name it either (a second randomization, an unblinding or a switch by the wrong role).
            foreach (var attempt in new[]
                     {
                         await member.Client.PostAsJsonAsync($"/api/subjects/{subject}/randomize", new { factors = new { sex = "F", age = "<65" } }),
                         await member.Client.PostAsJsonAsync($"/api/subjects/{subject}/arm-switch", new { toArm = PlaceboCode, reason = "try" }),
                         await member.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/randomization/list-export", new { reason = "try" }),
                     })
            {
                attempt.IsSuccessStatusCode.ShouldBeFalse(who);
                ShouldNotNameAnArm(await attempt.Content.ReadAsStringAsync(), who);
            }
        }
        var allocation = await (await s.Pharmacist.Client.GetAsync($"/api/subjects/{subject}/allocation")).ReadAsync<JsonElement>();
        allocation.GetProperty("blinded").GetBoolean().ShouldBeFalse();
        allocation.GetProperty("arm").GetProperty("code").GetString().ShouldBeOneOf(ActiveCode, PlaceboCode);
    }

    [Fact]
    public async Task The_PI_breaks_the_blind_with_a_reason_and_a_signature_the_sponsor_side_is_told_and_only_that_PI_sees_the_arm()
    {
        var (s, subject) = await DoubleBlindAsync(app);
        using var _ = s;
        await RandomizationKit.RandomizeAsync(s.Pi, subject, new { sex = "M", age = "<65" });
        var url = $"/api/subjects/{subject}/unblind";

        var wrong = await s.Pi.Client.PostAsJsonAsync(url, new { reason = "Anaphylaxis, treatment depends on the drug", signature = new { password = "wrong" } });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("signature.password");
        var notPi = await s.SubInvestigator.Client.PostAsJsonAsync(url, new { reason = "Anaphylaxis", signature = new { password = app.UserPassword } });
        notPi.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Pi.Client.PostAsJsonAsync(url, new { reason = "", signature = new { password = app.UserPassword } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await s.InDbAsync(db => db.UnblindingEvents.CountAsync(e => e.SubjectId == subject))).ShouldBe(0);

        var unblinded = await s.Pi.Client.PostAsJsonAsync(url, new { reason = "Anaphylaxis, treatment depends on the drug", signature = new { password = app.UserPassword } });
        unblinded.StatusCode.ShouldBe(HttpStatusCode.OK, await unblinded.Content.ReadAsStringAsync());
        var arm = (await unblinded.ReadAsync<JsonElement>()).GetProperty("arm").GetProperty("code").GetString();
        arm.ShouldBeOneOf(ActiveCode, PlaceboCode);

        var unblinding = await s.InDbAsync(db => db.UnblindingEvents.SingleAsync(e => e.SubjectId == subject));
        unblinding.UserName.ShouldBe(s.Pi.UserName);
        (await s.InDbAsync(db => db.AuditRecords.CountAsync(a => a.EntityKey.Contains(unblinding.Id.ToString())))).ShouldBeGreaterThan(0);
        (await s.InDbAsync(db => db.Set<Domain.Signatures.ElectronicSignature>().CountAsync(x => x.RecordId == unblinding.Id.ToString() && x.SignerUserName == s.Pi.UserName)))
            .ShouldBe(1);
        var notices = await s.InDbAsync(db => db.Notifications.Where(n => n.Template == "subject-unblinded" && n.ProjectId == s.ProjectId).ToListAsync());
        notices.Select(n => n.RecipientUserName).ShouldContain(s.Cra.UserName);
        notices.Select(n => n.RecipientUserName).ShouldContain(s.Secretary.UserName);
        notices.ShouldAllBe(n => !n.Body.Contains(ActiveName) && !n.Body.Contains(PlaceboName) && !n.Body.Contains(ActiveCode) && !n.Body.Contains(PlaceboCode));
        notices.ShouldAllBe(n => n.Body.Contains("Anaphylaxis") || n.Body.Contains("原因"));

        var pi = await (await s.Pi.Client.GetAsync($"/api/subjects/{subject}/allocation")).ReadAsync<JsonElement>();
        pi.GetProperty("arm").GetProperty("code").GetString().ShouldBe(arm);
        pi.GetProperty("unblindedByMe").GetBoolean().ShouldBeTrue();
        ShouldNotNameAnArm(await (await s.SubInvestigator.Client.GetAsync($"/api/subjects/{subject}/allocation")).Content.ReadAsStringAsync(), "the sub-investigator");
        (await s.Pi.Client.PostAsJsonAsync(url, new { reason = "again", signature = new { password = app.UserPassword } })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_arm_switch_is_for_those_who_see_the_arm_and_keeps_its_history()
    {
        var (s, subject) = await DoubleBlindAsync(app);
        using var _ = s;
        await RandomizationKit.RandomizeAsync(s.Pi, subject, new { sex = "F", age = ">=65" });
        var forbidden = await s.SubInvestigator.Client.PostAsJsonAsync($"/api/subjects/{subject}/arm-switch", new { toArm = PlaceboCode, reason = "Intolerance" });
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var before = (await (await s.Pharmacist.Client.GetAsync($"/api/subjects/{subject}/allocation")).ReadAsync<JsonElement>()).GetProperty("arm").GetProperty("code").GetString();
        var to = before == ActiveCode ? PlaceboCode : ActiveCode;
        (await s.Pharmacist.Client.PostAsJsonAsync($"/api/subjects/{subject}/arm-switch", new { toArm = "NOPE", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await s.Pharmacist.Client.PostAsJsonAsync($"/api/subjects/{subject}/arm-switch", new { toArm = to })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var switched = await s.Pharmacist.Client.PostAsJsonAsync($"/api/subjects/{subject}/arm-switch", new { toArm = to, reason = "Protocol rescue arm after intolerance" });
        switched.StatusCode.ShouldBe(HttpStatusCode.OK, await switched.Content.ReadAsStringAsync());
        (await switched.ReadAsync<JsonElement>()).GetProperty("arm").GetProperty("code").GetString().ShouldBe(to);

        var change = await s.InDbAsync(db => db.SubjectArmChanges.SingleAsync(c => c.SubjectId == subject));
        (change.FromArm, change.ToArm, change.By).ShouldBe((before!, to, s.Pharmacist.UserName));
        var allocation = await s.InDbAsync(db => db.SubjectAllocations.SingleAsync(a => a.SubjectId == subject));
        (allocation.Arm, allocation.RandomizedArm).ShouldBe((to, before!));
        (await s.InDbAsync(db => db.AuditRecords.CountAsync(a => a.EntityKey.Contains(allocation.Id.ToString()) && a.Reason == change.Reason))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task In_an_open_study_every_reader_sees_the_arm_and_the_investigator_switches_it()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await RandomizationKit.AddArmsAsync(s, ("A", "Arm A", 1), ("B", "Arm B", 1));
        await RandomizationKit.LockedSchemeAsync(s, new { method = "PermutedBlock", blockSizes = new[] { 2, 4 }, seed = "open-seed-0001", listLength = 20, blinding = "Open" });
        var subject = await RandomizationKit.SubjectAsync(s);
        var result = await RandomizationKit.RandomizeAsync(s.SubInvestigator, subject);
        var arm = result.GetProperty("arm").GetProperty("code").GetString();
        foreach (var member in s.Team)
        {
            (await (await member.Client.GetAsync($"/api/subjects/{subject}/allocation")).ReadAsync<JsonElement>()).GetProperty("arm").GetProperty("code").GetString()
                .ShouldBe(arm);
        }
        (await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{subject}/unblind", new { reason = "x", signature = new { password = app.UserPassword } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.SubInvestigator.Client.PostAsJsonAsync($"/api/subjects/{subject}/arm-switch", new { toArm = arm == "A" ? "B" : "A", reason = "Dose escalation cohort" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.Nurse.Client.PostAsJsonAsync($"/api/subjects/{subject}/arm-switch", new { toArm = arm, reason = "back" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
