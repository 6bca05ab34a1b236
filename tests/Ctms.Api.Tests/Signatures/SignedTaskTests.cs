using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Access;
using Ctms.Domain.Data;
using Ctms.Domain.Signatures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Signatures;

/// <summary>
/// The electronic signature of a task (a header <c>signatureMeaning</c>): the password re-entered or nothing happens, a
/// wrong one counts toward lockout and is audited, and the signature binds the name, the UTC time, the meaning and the
/// hash of what was submitted, so that other content no longer matches it.
/// </summary>
public abstract class SignedTaskTests(CtmsAppFactory app)
{
    private const string Meaning = "I confirm the site is ready";

    private static string Process(string id) => TestBpmn.Process(id, $"""
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="confirm" name="Confirm the site">
              <bpmn:extensionElements>
                <zeebe:assignmentDefinition candidateGroups="pi" />
                <zeebe:taskHeaders><zeebe:header key="signatureMeaning" value="{Meaning}" /></zeebe:taskHeaders>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="confirm" />
            <bpmn:sequenceFlow id="f2" sourceRef="confirm" targetRef="e" />
        """);

    private async Task<(string InstanceId, string TaskId, HttpClient Pi, string PiName)> StartAsync()
    {
        using var admin = await app.AdminAsync();
        var processId = "signed-" + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsJsonAsync("/api/process-definitions", new { name = processId + ".bpmn", xml = Process(processId) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var instanceId = (await (await admin.PostAsJsonAsync("/api/process-instances", new { processId })).ReadAsync<JsonElement>()).GetProperty("id").GetString()!;
        var (pi, piName) = await app.UserAsync("pi");
        var page = await (await pi.GetAsync($"/api/tasks?view=groups&instanceId={instanceId}")).ReadAsync<JsonElement>();
        return (instanceId, page.GetProperty("items")[0].GetProperty("id").GetString()!, pi, piName);
    }

    [Fact]
    public async Task A_signed_task_needs_the_password_a_wrong_one_is_refused_audited_and_counted_and_the_right_one_signs_what_was_submitted()
    {
        var (instanceId, taskId, pi, piName) = await StartAsync();
        var variables = new { siteReady = true, note = "All trained" };

        var missing = await (await pi.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        missing.GetProperty("errors").GetProperty("signature.password")[0].GetString()!.ShouldContain(Meaning);
        var wrong = await (await pi.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables, signature = new { password = "not-my-password" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        wrong.GetProperty("errors").GetProperty("signature.password")[0].GetString()!.ShouldContain("4 more wrong attempt(s) lock the account");

        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CtmsUser>>();
            (await users.GetAccessFailedCountAsync((await users.FindByNameAsync(piName))!)).ShouldBe(1);
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            (await db.RefusedAttempts.AsNoTracking().CountAsync(r => r.Path == $"/api/tasks/{taskId}/complete" && r.Status == 400)).ShouldBe(2);
            (await db.ElectronicSignatures.AsNoTracking().CountAsync(s => s.RecordId == taskId)).ShouldBe(0);
        }
        // Nothing was completed: the task is still open, offered to the group.
        (await pi.GetAsync($"/api/tasks/{taskId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await pi.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables, signature = new { password = app.UserPassword } }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CtmsUser>>();
            (await users.GetAccessFailedCountAsync((await users.FindByNameAsync(piName))!)).ShouldBe(0);
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            var signature = await db.ElectronicSignatures.AsNoTracking().SingleAsync(s => s.RecordId == taskId);
            signature.RecordType.ShouldBe(SignedTaskCompletion.RecordType);
            signature.Meaning.ShouldBe(Meaning);
            signature.SignerUserName.ShouldBe(piName);
            signature.SignerName.ShouldBe("Test " + piName);
            signature.Method.ShouldBe("password");
            signature.SignedAt.ShouldBe(app.Clock.GetUtcNow(), TimeSpan.FromSeconds(5));

            var instance = await (await (await app.AdminAsync()).GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();
            instance.GetProperty("status").GetString().ShouldBe("Completed");
            var task = Guid.Parse(taskId);
            var processId = instance.GetProperty("processId").GetString()!;
            var signed = new SignedTaskCompletion(task, processId, "confirm", null,
                new Dictionary<string, object?> { ["siteReady"] = true, ["note"] = "All trained" });
            var altered = signed with { Variables = new Dictionary<string, object?> { ["siteReady"] = false, ["note"] = "All trained" } };
            var service = scope.ServiceProvider.GetRequiredService<SignatureService>();
            (await service.CheckAsync(signed)).Single().Intact.ShouldBeTrue();
            var broken = (await service.CheckAsync(altered)).Single();
            broken.Intact.ShouldBeFalse();
            broken.Manifestation.ShouldStartWith($"Signed by Test {piName} ({piName}) on ");
            broken.Manifestation.ShouldEndWith($"UTC: {Meaning}");
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_a_locked_account_cannot_sign_even_with_the_right_password()
    {
        var (_, taskId, pi, piName) = await StartAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await (await pi.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { signature = new { password = "wrong-" + attempt } }))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }
        var locked = await (await pi.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { signature = new { password = app.UserPassword } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        locked.GetProperty("errors").GetProperty("signature.password")[0].GetString()!.ShouldContain("locked");
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CtmsUser>>();
        (await users.IsLockedOutAsync((await users.FindByNameAsync(piName))!)).ShouldBeTrue();
        (await pi.GetAsync($"/api/tasks/{taskId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_task_not_offered_to_the_caller_asks_no_password_and_counts_no_failure()
    {
        var (_, taskId, _, _) = await StartAsync();
        var (crc, crcName) = await app.UserAsync("crc");
        await (await crc.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { signature = new { password = "whatever" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CtmsUser>>();
        (await users.GetAccessFailedCountAsync((await users.FindByNameAsync(crcName))!)).ShouldBe(0);
    }
}

public sealed class SignedTaskTests_Sqlite(SqliteAppFactory app) : SignedTaskTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SignedTaskTests_Postgres(PostgresAppFactory app) : SignedTaskTests(app), IClassFixture<PostgresAppFactory>;
