using System.Net;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Live;

/// <summary>Nobody reads, writes or hears a circle they are not in; nobody is on the hub without signing in.</summary>
public sealed class LiveAccessTests
{
    private const string NotFound = "Dit gesprek bestaat niet, of het is niet voor u.";

    [Theory, BothDatabases]
    public async Task A_stranger_cannot_read_write_or_hear_another_circles_chat_and_learns_nothing_from_trying(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        await using var stan = await app.ConnectAsync("Stan Vreemde");
        var theirs = LiveSteps.Circle(c.CircleId);
        var madeUp = LiveSteps.Circle(Guid.NewGuid());
        await carla.SendChatAsync(theirs, "Alleen voor de kring");

        foreach (var target in new[] { theirs, madeUp })
        {
            Assert.Equal(NotFound, await stan.RefusedAsync("SendChat", target, new { clientMessageId = "x1", text = "hallo" }));
            Assert.Equal(NotFound, await stan.RefusedAsync("ChatHistory", target, new { }));
            Assert.Equal(NotFound, await stan.RefusedAsync("MarkChatRead", target, 1));
            Assert.Equal(NotFound, await stan.RefusedAsync("Typing", target));
        }
        Assert.Equal(NotFound, await stan.RefusedAsync("OnlineMembers", c.CircleId));
        Assert.Equal(NotFound, await stan.RefusedAsync("OnlineMembers", Guid.NewGuid()));
        // A request the circle keeps to itself: claiming it is answered like claiming one that does not exist.
        var circleOnly = await c.Coordinator.PostedIdAsync(c.CircleId, LiveSteps.Upcoming(RequestSteps.Shopping("circle")));
        var claimTheirs = await stan.RefusedAsync("ClaimRequest", circleOnly);
        Assert.Equal(await stan.RefusedAsync("ClaimRequest", Guid.NewGuid()), claimTheirs);
        Assert.Equal("open", (await c.Coordinator.DetailsAsync(circleOnly)).Status());

        // Something for Stan after Carla's message: once it is here, hers would have been too.
        await carla.SendChatAsync(theirs, "Nog iets voor de kring");
        await stan.SendChatAsync(LiveSteps.Circle(c.OtherCircleId), "In mijn eigen kring");
        await stan.NextMessageAsync("In mijn eigen kring");
        Assert.DoesNotContain(stan.Received(ChatEvents.ChatMessage), m => m[0].GetProperty("circleId").GetGuid() == c.CircleId);
        Assert.Equal(["Alleen voor de kring", "Nog iets voor de kring"], (await carla.HistoryAsync(theirs)).Texts());
    }

    [Theory, BothDatabases]
    public async Task A_removed_member_is_out_of_the_circles_live_traffic_at_once(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await c.Stranger.JoinAsync(c.OtherCircleId, c.Member); // Mo is also in Truus's circle, where the test hears him
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        await using var mo = await app.ConnectAsync("Mo Lid");
        var circle = LiveSteps.Circle(c.CircleId);
        await carla.SendChatAsync(circle, "Nog even samen");
        await mo.NextMessageAsync("Nog even samen");

        var removed = await c.Coordinator.DeleteAsync($"/api/v1/circles/{c.CircleId}/members/{c.MemberId}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        var left = await mo.NextAsync(LiveEvents.LeftCircle);
        Assert.Equal(c.CircleId, left[0].GetProperty("circleId").GetGuid());
        await carla.SendChatAsync(circle, "Nu zonder Mo");
        await c.Coordinator.PostAsync($"/api/v1/circles/{c.CircleId}/logbook", System.Net.Http.Json.JsonContent.Create(new { text = "Mo is weg" }));
        await using var stan = await app.ConnectAsync("Stan Vreemde");
        await stan.SendChatAsync(LiveSteps.Circle(c.OtherCircleId), "Hallo Mo, in de andere kring");
        await mo.NextMessageAsync("Hallo Mo, in de andere kring");
        Assert.DoesNotContain(mo.Received(ChatEvents.ChatMessage), m => m[0].GetProperty("text").GetString() == "Nu zonder Mo");
        Assert.DoesNotContain(mo.Received(LiveEvents.Changed), m => m[0].GetProperty("circleId").GetString() == c.CircleId.ToString());
        Assert.Equal(NotFound, await mo.RefusedAsync("SendChat", circle, new { clientMessageId = "m1", text = "Mag ik nog?" }));
        Assert.Equal(NotFound, await mo.RefusedAsync("Typing", circle));
    }

    [Theory, BothDatabases]
    public async Task Someone_who_joins_hears_the_circle_at_once_on_the_connection_they_already_have(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var stan = await app.ConnectAsync("Stan Vreemde");
        await using var carla = await app.ConnectAsync("Carla Coördinator");

        await c.Coordinator.JoinAsync(c.CircleId, c.Stranger);
        var online = await carla.NextAsync(LiveEvents.Presence, p => p[0].GetProperty("userId").GetString() == c.StrangerId);
        await carla.SendChatAsync(LiveSteps.Circle(c.CircleId), "Welkom, Stan!");

        Assert.True(online[0].GetProperty("online").GetBoolean());
        await stan.NextMessageAsync("Welkom, Stan!");
    }

    [Fact]
    public async Task The_hub_is_for_signed_in_people_and_pages_of_this_site_only()
    {
        await using var app = await LiveSteps.StartAsync(DatabaseProvider.Sqlite);
        await app.PersonAsync("Carla Coördinator");
        var token = await app.TokenAsync("Carla Coördinator");

        var anonymous = await Assert.ThrowsAnyAsync<Exception>(() => app.OpenHubAsync(_ => { }));
        Assert.Contains("401", anonymous.Message);
        var otherSite = await Assert.ThrowsAnyAsync<Exception>(() => app.OpenHubAsync(r =>
        {
            r.Headers.Authorization = $"Bearer {token}";
            r.Headers.Origin = "https://andere-site.example";
        }));
        Assert.Contains("403", otherSite.Message);

        // An app in a browser cannot set headers on a WebSocket: the token may come in the query, on the hub only.
        await using var byQuery = await app.OpenHubAsync(r => r.Headers.Origin = "http://localhost", $"?access_token={token}");
        Assert.True(byQuery.IsConnected);
        using var api = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync($"/api/v1/circles?access_token={token}")).StatusCode);
    }
}
