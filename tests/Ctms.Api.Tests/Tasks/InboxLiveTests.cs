using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Ctms.Engine.Runtime.Tasks;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Tasks;

/// <summary>
/// A studio circuit's live inbox (<see cref="InboxLive"/>, one per circuit scope): it counts both inboxes, refreshes once
/// after a burst of changes that concern its user, ignores the others, and unsubscribes when the circuit ends.
/// </summary>
public abstract class InboxLiveTests(CtmsAppFactory app)
{
    [Fact]
    public async Task A_circuit_counts_its_users_tasks_refreshes_on_changes_that_concern_them_and_unsubscribes_when_it_ends()
    {
        using var admin = await app.AdminAsync();
        var processId = await TaskChangeFeedApiTests.DeployAsync(admin);
        var (_, piName) = await app.UserAsync("pi");
        var feed = app.Services.GetRequiredService<TaskChangeFeed>();
        var before = feed.SubscriberCount;

        await using (var circuit = app.Services.CreateAsyncScope())
        {
            // The circuit's user, as the studio's authentication sets it.
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, piName), new Claim(ClaimTypes.Role, "pi")], "test"));
            ((IHostEnvironmentAuthenticationStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
                .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            var live = circuit.ServiceProvider.GetRequiredService<InboxLive>();
            var refreshed = 0;
            live.Changed += () =>
            {
                Interlocked.Increment(ref refreshed);
                return Task.CompletedTask;
            };

            await live.StartAsync();
            await live.StartAsync();
            feed.SubscriberCount.ShouldBe(before + 1);
            live.Counts.ShouldBe(new InboxCounts(0, true, 0, true));

            // Three tasks for the PIs: the counts follow.
            for (var i = 0; i < 3; i++)
            {
                (await admin.PostAsJsonAsync("/api/process-instances", new { processId })).StatusCode.ShouldBe(HttpStatusCode.Created);
            }
            await WaitUntilAsync(() => live.Counts?.Groups == 3);
            live.Counts.ShouldBe(new InboxCounts(0, true, 3, true));

            // A burst of changes: one refresh.
            await Task.Delay(InboxLive.Debounce * 3);
            Interlocked.Exchange(ref refreshed, 0);
            feed.Publish([.. Enumerable.Range(0, 5).Select(_ => new TaskChange(TaskChangeKind.Claimed, Guid.NewGuid(), Guid.NewGuid(), "other", null, "someone", null, [], ["pi"]))]);
            await WaitUntilAsync(() => Volatile.Read(ref refreshed) >= 1);
            await Task.Delay(InboxLive.Debounce * 3);
            refreshed.ShouldBe(1);

            // A change for others only: no refresh.
            feed.Publish([new TaskChange(TaskChangeKind.Created, Guid.NewGuid(), Guid.NewGuid(), "other", null, "someone", null, [], ["finance"])]);
            await Task.Delay(InboxLive.Debounce * 3);
            refreshed.ShouldBe(1);
        }

        feed.SubscriberCount.ShouldBe(before);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException("The inbox did not refresh within 10 seconds.");
            }
            await Task.Delay(50);
        }
    }
}

public sealed class InboxLiveTests_Sqlite(SqliteAppFactory app) : InboxLiveTests(app), IClassFixture<SqliteAppFactory>;

public sealed class InboxLiveTests_Postgres(PostgresAppFactory app) : InboxLiveTests(app), IClassFixture<PostgresAppFactory>;
