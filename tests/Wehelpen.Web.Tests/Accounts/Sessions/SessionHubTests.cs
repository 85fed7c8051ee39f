using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Live;

namespace Wehelpen.Web.Tests.Accounts.Sessions;

/// <summary>The live hub of a session that ended: its connections close, its calls are refused, it cannot connect again.</summary>
public sealed class SessionHubTests
{
    [Theory, BothDatabases]
    public async Task Logging_out_closes_the_session_s_hub_connection_and_it_cannot_connect_again(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var token = await app.TokenAsync("Mo Lid");
        await using var mo = await app.OpenHubAsync(r => r.Headers.Authorization = $"Bearer {token}");
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        using var phone = app.CreateApiClient();
        phone.DefaultRequestHeaders.Authorization = new("Bearer", token);

        Assert.Equal(HttpStatusCode.NoContent, (await phone.PostAsync("/api/v1/account/logout", null)).StatusCode);

        await mo.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        var again = await Assert.ThrowsAnyAsync<Exception>(() => app.OpenHubAsync(r => r.Headers.Authorization = $"Bearer {token}"));
        Assert.Contains("401", again.Message);
        // Carla's own session is untouched.
        await carla.SendChatAsync(LiveSteps.Circle(c.CircleId), "Nog steeds hier");
    }

    [Theory, BothDatabases]
    public async Task A_hub_call_of_a_session_ended_without_this_node_hearing_of_it_is_refused_within_half_a_minute(DatabaseProvider provider)
    {
        var clock = SessionSteps.Clock();
        await using var app = await WehelpenApplication.StartAsync(provider, LiveSteps.Settings, s => s.AddSingleton<TimeProvider>(clock));
        var c = await app.TwoCirclesAsync();
        await using var mo = await app.ConnectAsync("Mo Lid");
        await mo.SendChatAsync(LiveSteps.Circle(c.CircleId), "Eerste");

        // Ended as another node would, straight in the database: this node only finds out when it asks again.
        await app.QueryAsync(db => db.Set<AccountSession>().Where(s => s.UserId == c.MemberId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, clock.Now)));
        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal("U bent uitgelogd. Log opnieuw in om verder te gaan.", await mo.RefusedAsync("SendChat", LiveSteps.Circle(c.CircleId), new { clientMessageId = "x2", text = "Tweede" }));
        Assert.DoesNotContain("Tweede", await c.Coordinator.GetStringAsync($"/api/v1/circles/{c.CircleId}/chat"));
    }
}
