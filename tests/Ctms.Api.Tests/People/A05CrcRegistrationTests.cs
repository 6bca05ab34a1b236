using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Ctms.Api.Tests.People.PeopleTestKit;

namespace Ctms.Api.Tests.People;

/// <summary>A05 through the API: an external CRC applies anonymously, the CTI office approves or rejects, the PI assigns.</summary>
public sealed class A05CrcRegistrationTests : IClassFixture<SqliteAppFactory>
{
    private readonly SqliteAppFactory _app;

    public A05CrcRegistrationTests(SqliteAppFactory app)
    {
        _app = app;
        // Every test here applies several times from the same (test) address.
        app.Settings["People:CrcApplicationsPerHour"] = "1000";
    }

    internal static object Application(string email) =>
        new { fullName = "Li Na", email, phone = "+86 138 0000 0000", smoCompany = "Example SMO Co., Ltd.", wishedProjects = "The diabetes study" };

    private static string NewEmail() => $"li.na.{Guid.NewGuid().ToString("N")[..8]}@smo.example";

    private async Task<JsonElement> ApplyAsync(string email)
    {
        using var anonymous = _app.CreateClient();
        return await (await anonymous.PostAsJsonAsync("/api/crc-applications", Application(email))).ReadAsync<JsonElement>();
    }

    [Fact]
    public async Task An_approved_CRC_gets_an_account_with_the_crc_role_is_assigned_by_the_PI_and_shows_in_the_workload()
    {
        var (office, _) = await _app.UserAsync("cti-secretary");
        var (pi, piName) = await _app.UserAsync("pi");
        var (otherPi, _) = await _app.UserAsync("pi");
        using var admin = await _app.AdminAsync();
        var project = await CreateProjectWithPiAsync(_app, piName);
        var email = NewEmail();

        var application = await ApplyAsync(email);
        application.GetProperty("status").GetString().ShouldBe("Pending");
        var applicationId = application.GetProperty("id").GetString()!;

        // Only the CTI office reviews: a PI may neither list nor decide.
        await (await pi.GetAsync("/api/crc-applications")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await pi.PostAsJsonAsync($"/api/crc-applications/{applicationId}/approve", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await TaskAsync(pi, "groups", applicationId, "review-application")).ShouldBeNull();
        var listed = await (await office.GetAsync("/api/crc-applications?status=Pending")).ReadAsync<List<JsonElement>>();
        listed.ShouldContain(a => a.GetProperty("email").GetString() == email);
        var review = await TaskAsync(office, "groups", applicationId, "review-application");
        var form = await (await office.GetAsync($"/api/tasks/{review}/form")).ReadAsync<JsonElement>();
        form.GetProperty("data").GetProperty("smoCompany").GetString().ShouldBe("Example SMO Co., Ltd.");

        var approval = await (await office.PostAsJsonAsync($"/api/crc-applications/{applicationId}/approve",
            new { proposedProtocolNumber = project.ProtocolNumber })).ReadAsync<JsonElement>();
        approval.GetProperty("userName").GetString().ShouldBe(email);
        var oneTime = approval.GetProperty("oneTimePassword").GetString()!;
        oneTime.Length.ShouldBe(16);
        approval.GetProperty("piUserName").GetString().ShouldBe(piName);

        var users = await (await admin.GetAsync("/api/users")).ReadAsync<List<JsonElement>>();
        var account = users.Single(u => u.GetProperty("userName").GetString() == email);
        account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["crc"]);
        account.GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
        var mail = (await NotificationsAsync(_app, "crc-approved")).Single(n => n.RecipientUserName == email);
        mail.Body.ShouldContain(email);
        mail.Body.ShouldNotContain(oneTime, customMessage: "a password is never stored in a notification nor mailed");
        // The password is not a process variable (variables are history that every reader of the instance sees).
        var instances = await (await office.GetAsync($"/api/process-instances?businessKey={applicationId}")).ReadAsync<JsonElement>();
        var instanceId = instances.GetProperty("items")[0].GetProperty("id").GetString()!;
        (await (await office.GetAsync($"/api/process-instances/{instanceId}")).Content.ReadAsStringAsync()).ShouldNotContain(oneTime);
        await (await office.PostAsJsonAsync($"/api/crc-applications/{applicationId}/approve", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // The project's PI assigns the CRC; another PI is not offered the task and may not complete it.
        (await TaskAsync(otherPi, "groups", applicationId, "assign-task")).ShouldBeNull();
        var assign = await TaskAsync(pi, "groups", applicationId, "assign-task");
        await (await otherPi.PostAsJsonAsync($"/api/tasks/{assign}/complete", new { variables = new { } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await CompleteAsync(pi, assign, new { validFrom = Day(Today(_app)) });
        (await InstanceAsync(office, instanceId)).GetProperty("status").GetString().ShouldBe("Completed");

        var workload = await (await office.GetAsync("/api/people/crc-workload")).ReadAsync<List<JsonElement>>();
        var row = workload.Single(w => w.GetProperty("userName").GetString() == email);
        row.GetProperty("activeProjects").GetInt32().ShouldBe(1);
        row.GetProperty("assignments")[0].GetProperty("projectId").GetGuid().ShouldBe(project.Id);
        (await (await pi.GetAsync("/api/people/crc-workload")).ReadAsync<List<JsonElement>>()).ShouldContain(w => w.GetProperty("userName").GetString() == email);
        var (crc, _) = await _app.UserAsync("crc");
        await (await crc.GetAsync("/api/people/crc-workload")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var application2 = await (await office.GetAsync($"/api/crc-applications/{applicationId}")).ReadAsync<JsonElement>();
        application2.GetProperty("status").GetString().ShouldBe("Approved");
    }

    [Fact]
    public async Task A_rejected_application_makes_no_account_and_keeps_the_reason()
    {
        var (office, officeName) = await _app.UserAsync("cti-secretary");
        using var admin = await _app.AdminAsync();
        var email = NewEmail();
        var applicationId = (await ApplyAsync(email)).GetProperty("id").GetString()!;

        var noReason = await (await office.PostAsJsonAsync($"/api/crc-applications/{applicationId}/reject", new { reason = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        noReason.GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe("reason is required.");
        var rejected = await (await office.PostAsJsonAsync($"/api/crc-applications/{applicationId}/reject",
            new { reason = "The SMO has no agreement with the hospital." })).ReadAsync<JsonElement>();
        rejected.GetProperty("status").GetString().ShouldBe("Rejected");
        rejected.GetProperty("reason").GetString().ShouldBe("The SMO has no agreement with the hospital.");
        rejected.GetProperty("decidedBy").GetString().ShouldBe(officeName);
        (await (await admin.GetAsync("/api/users")).ReadAsync<List<JsonElement>>()).ShouldNotContain(u => u.GetProperty("userName").GetString() == email);
        var instances = await (await office.GetAsync($"/api/process-instances?businessKey={applicationId}")).ReadAsync<JsonElement>();
        instances.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("Completed");
        await (await office.PostAsJsonAsync($"/api/crc-applications/{applicationId}/approve", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // Rejected, the address may apply again.
        (await ApplyAsync(email)).GetProperty("status").GetString().ShouldBe("Pending");
    }

    [Fact]
    public async Task Bad_applications_are_400_a_second_pending_one_is_409_and_nothing_is_saved()
    {
        var (office, _) = await _app.UserAsync("cti-secretary");
        using var anonymous = _app.CreateClient();
        var email = NewEmail();

        var bad = await (await anonymous.PostAsJsonAsync("/api/crc-applications", new { fullName = "", email = "not-an-address", smoCompany = "SMO", phone = "call me" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        errors.GetProperty("fullName")[0].GetString().ShouldBe("FullName is required.");
        errors.GetProperty("email")[0].GetString().ShouldBe("Email must be an e-mail address.");
        errors.GetProperty("phone")[0].GetString().ShouldBe("Phone may contain digits, spaces and + - ( ) only.");
        await (await anonymous.PostAsJsonAsync("/api/crc-applications", new { fullName = new string('n', 201), email, smoCompany = "SMO" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await office.GetAsync("/api/crc-applications")).ReadAsync<List<JsonElement>>())
            .ShouldNotContain(a => a.GetProperty("email").GetString() == email);

        await ApplyAsync(email);
        await (await anonymous.PostAsJsonAsync("/api/crc-applications", Application(email.ToUpperInvariant()))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await (await office.GetAsync("/api/crc-applications")).ReadAsync<List<JsonElement>>())
            .Count(a => a.GetProperty("email").GetString() == email).ShouldBe(1);
        var instances = await (await office.GetAsync("/api/process-instances?processId=A05-crc-registration&limit=200")).ReadAsync<JsonElement>();
        var applicationIds = (await (await office.GetAsync("/api/crc-applications")).ReadAsync<List<JsonElement>>()).Select(a => a.GetProperty("id").GetString()).ToHashSet();
        instances.GetProperty("items").EnumerateArray().ShouldAllBe(i => applicationIds.Contains(i.GetProperty("businessKey").GetString()));
    }

    [Fact]
    public async Task The_CTI_office_assigns_and_unassigns_CRCs_and_a_PI_only_on_their_own_project()
    {
        var (office, _) = await _app.UserAsync("cti-secretary");
        var (pi, piName) = await _app.UserAsync("pi");
        var (_, crcName) = await _app.UserAsync("crc");
        var (_, nurseName) = await _app.UserAsync("study-nurse");
        var own = await CreateProjectWithPiAsync(_app, piName);
        using var admin = await _app.AdminAsync();
        var other = await CreateProjectAsync(admin);

        var membership = await (await pi.PostAsJsonAsync($"/api/people/crcs/{crcName}/assignments", new { projectId = own.Id })).ReadAsync<MembershipBody>();
        membership.Role.ShouldBe("crc");
        await (await pi.PostAsJsonAsync($"/api/people/crcs/{crcName}/assignments", new { projectId = other.Id })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var notCrc = await (await office.PostAsJsonAsync($"/api/people/crcs/{nurseName}/assignments", new { projectId = other.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        notCrc.GetProperty("errors").GetProperty("userName")[0].GetString().ShouldBe($"'{nurseName}' is not a CRC.");
        (await office.PostAsJsonAsync($"/api/people/crcs/{crcName}/assignments", new { projectId = other.Id })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var row = (await (await office.GetAsync("/api/people/crc-workload")).ReadAsync<List<JsonElement>>()).Single(w => w.GetProperty("userName").GetString() == crcName);
        row.GetProperty("activeProjects").GetInt32().ShouldBe(2);

        await (await pi.DeleteAsync($"/api/people/crcs/{crcName}/assignments/{membership.Id}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var revoked = await (await pi.DeleteAsync($"/api/people/crcs/{crcName}/assignments/{membership.Id}?reason=Moved%20to%20another%20site"))
            .ReadAsync<MembershipBody>();
        revoked.Active.ShouldBeFalse();
        row = (await (await office.GetAsync("/api/people/crc-workload")).ReadAsync<List<JsonElement>>()).Single(w => w.GetProperty("userName").GetString() == crcName);
        row.GetProperty("activeProjects").GetInt32().ShouldBe(1);
        row.GetProperty("assignments")[0].GetProperty("projectId").GetGuid().ShouldBe(other.Id);
    }
}

/// <summary>The anonymous application is rate-limited per address: a class of its own, with a small limit.</summary>
public sealed class A05RateLimitTests : IClassFixture<SqliteAppFactory>
{
    private readonly SqliteAppFactory _app;

    public A05RateLimitTests(SqliteAppFactory app)
    {
        _app = app;
        app.Settings["People:CrcApplicationsPerHour"] = "2";
    }

    [Fact]
    public async Task A_third_application_from_one_address_within_the_hour_is_429()
    {
        using var anonymous = _app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            (await anonymous.PostAsJsonAsync("/api/crc-applications", A05CrcRegistrationTests.Application($"crc{i}.{Guid.NewGuid():N}@smo.example")))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        var email = $"crc3.{Guid.NewGuid():N}@smo.example";
        await (await anonymous.PostAsJsonAsync("/api/crc-applications", A05CrcRegistrationTests.Application(email))).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        var (office, _) = await _app.UserAsync("cti-secretary");
        (await (await office.GetAsync("/api/crc-applications")).ReadAsync<List<JsonElement>>()).ShouldNotContain(a => a.GetProperty("email").GetString() == email);
    }
}
