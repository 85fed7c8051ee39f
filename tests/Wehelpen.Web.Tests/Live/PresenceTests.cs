using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Live;

/// <summary>Who is here, who is typing, and how much each member has not read yet.</summary>
public sealed class PresenceTests
{
    [Theory, BothDatabases]
    public async Task Members_see_who_comes_online_and_who_goes_away(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");

        var mo = await app.ConnectAsync("Mo Lid");
        var came = await carla.NextAsync(LiveEvents.Presence, p => p[0].GetProperty("userId").GetString() == c.MemberId);
        var here = await carla.InvokeAsync("OnlineMembers", [c.CircleId]);
        await mo.DisposeAsync();
        var went = await carla.NextAsync(LiveEvents.Presence, p => p[0].GetProperty("userId").GetString() == c.MemberId && !p[0].GetProperty("online").GetBoolean());
        var after = await carla.InvokeAsync("OnlineMembers", [c.CircleId]);

        Assert.True(came[0].GetProperty("online").GetBoolean());
        Assert.Equal("Mo Lid", came[0].GetProperty("name").GetString());
        Assert.Equal(c.CircleId, went[0].GetProperty("circleId").GetGuid());
        Assert.Equal(["Carla Coördinator", "Mo Lid"], here.EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToArray());
        Assert.Equal(["Carla Coördinator"], after.EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToArray());
    }

    [Theory, BothDatabases]
    public async Task A_second_screen_keeps_someone_online(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        await using var phone = await app.ConnectAsync("Mo Lid");
        var laptop = await app.ConnectAsync("Mo Lid");

        await laptop.DisposeAsync();
        // The phone is still there: after anything Mo says now, no "went away" may have come before it.
        await phone.SendChatAsync(LiveSteps.Circle(c.CircleId), "Nog steeds hier");
        await carla.NextMessageAsync("Nog steeds hier");

        Assert.DoesNotContain(carla.Received(LiveEvents.Presence), p => !p[0].GetProperty("online").GetBoolean());
        Assert.Single(carla.Received(LiveEvents.Presence), p => p[0].GetProperty("userId").GetString() == c.MemberId);
    }

    [Theory, BothDatabases]
    public async Task Typing_is_told_to_the_others_in_the_conversation_and_not_too_often(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        await using var mo = await app.ConnectAsync("Mo Lid");
        var circle = LiveSteps.Circle(c.CircleId);

        await carla.InvokeAsync("Typing", [circle]);
        await carla.InvokeAsync("Typing", [circle]); // a keystroke later: not passed on again
        var typing = await mo.NextAsync(ChatEvents.Typing);
        await carla.SendChatAsync(circle, "Klaar met typen");
        await mo.NextMessageAsync("Klaar met typen");

        Assert.Equal("Carla Coördinator", typing[0].GetProperty("name").GetString());
        Assert.Equal("circle", typing[0].GetProperty("target").GetProperty("kind").GetString());
        Assert.Single(mo.Received(ChatEvents.Typing));
        Assert.Empty(carla.Received(ChatEvents.Typing));
    }

    [Theory, BothDatabases]
    public async Task Unread_counts_rise_with_the_others_messages_and_fall_on_every_screen_when_read(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        await using var moPhone = await app.ConnectAsync("Mo Lid");
        await using var moLaptop = await app.ConnectAsync("Mo Lid");
        var circle = LiveSteps.Circle(c.CircleId);
        await moPhone.SendChatAsync(circle, "Van Mo zelf");
        foreach (var text in new[] { "een", "twee", "drie" }) await carla.SendChatAsync(circle, text);

        var unread = await moPhone.InvokeAsync("UnreadCounts", []);
        await moPhone.InvokeAsync("MarkChatRead", [circle, 3]);
        var onLaptop = await moLaptop.NextAsync(ChatEvents.Unread);
        var api = await c.Member.GetFromJsonAsync<JsonElement>("/api/v1/chat/unread");
        await moPhone.InvokeAsync("MarkChatRead", [circle, 2]); // an older screen catching up never moves it back
        var carlaUnread = await carla.InvokeAsync("UnreadCounts", []);

        Assert.Equal(3, Count(unread, c.CircleId));
        Assert.Equal(1, onLaptop[0].GetProperty("count").GetInt32());
        Assert.Equal(1, Count(api, c.CircleId));
        Assert.Equal(1, Count(await moPhone.InvokeAsync("UnreadCounts", []), c.CircleId));
        Assert.Equal(1, Count(carlaUnread, c.CircleId)); // Mo's message; her own do not count
    }

    private static int Count(JsonElement counts, Guid circleId) =>
        counts.EnumerateArray().Single(u => u.GetProperty("circleId").GetGuid() == circleId).GetProperty("count").GetInt32();
}
