using System.Net;
using System.Net.Http.Json;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Live;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Push;

/// <summary>What happens in a circle reaches the devices of its members who are not looking: claims, give-backs, chat.</summary>
public sealed class PushCircleTests
{
    [Theory, BothDatabases]
    public async Task The_circle_hears_on_its_devices_who_took_a_request_on_and_who_gave_it_back(DatabaseProvider provider)
    {
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerNearAsync("Vera Vrijwilliger");
        var mosPhone = service.NewSubscriber(vapid.PublicKey);
        var verasPhone = service.NewSubscriber(vapid.PublicKey);
        await c.Member.SubscribeAsync(mosPhone);
        await vera.SubscribeAsync(verasPhone);
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        await app.SendPushesAsync(); // Vera's alert
        Assert.Single(verasPhone.Received);

        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "claim")).StatusCode);
        Assert.Equal(1, await app.SendPushesAsync());
        var claimed = Assert.Single(mosPhone.Received).Json();
        Assert.Equal("Vera Vrijwilliger neemt het op zich: Boodschappen bij de supermarkt", claimed.GetProperty("title").GetString());
        Assert.Equal($"/circles/{c.CircleId}/requests/{requestId}", claimed.GetProperty("url").GetString());
        Assert.Single(verasPhone.Received); // not told of her own claim

        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "give-back", new { reason = "Ik ben ziek" })).StatusCode);
        Assert.Equal(1, await app.SendPushesAsync());
        var givenBack = mosPhone.Received[1].Json();
        Assert.Equal("Vera Vrijwilliger geeft terug: Boodschappen bij de supermarkt", givenBack.GetProperty("title").GetString());
        Assert.DoesNotContain(RequestSteps.Address, mosPhone.Received[1].Text);
    }

    [Theory, BothDatabases]
    public async Task A_chat_message_reaches_the_devices_of_the_other_members_also_when_they_are_on_the_site_with_its_first_words_only_when_they_allowed_it(DatabaseProvider provider)
    {
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var c = await app.TwoCirclesAsync();
        var mosPhone = service.NewSubscriber(vapid.PublicKey);
        var carlasPhone = service.NewSubscriber(vapid.PublicKey);
        await c.Member.SubscribeAsync(mosPhone);
        await c.Coordinator.SubscribeAsync(carlasPhone);
        // Mo has the site open on another screen: being online is not reading the chat (his phone's service worker
        // leaves the push unshown only when that phone shows the chat; the Chromium tests check that part).
        await using var mosLaptop = await app.ConnectAsync("Mo Lid");

        var sent = await c.Coordinator.PostAsJsonAsync($"/api/v1/circles/{c.CircleId}/chat",
            new { clientMessageId = Guid.NewGuid().ToString(), text = "Mam heeft morgen om 9 uur de fysiotherapeut" });
        Assert.True(sent.IsSuccessStatusCode, $"{sent.StatusCode}");
        var first = await app.SendPushesUntilAsync(service, mosPhone);
        Assert.StartsWith("Carla Coördinator in de chat van ", first.Json().GetProperty("title").GetString());
        Assert.DoesNotContain("fysiotherapeut", first.Text); // no preview unless Mo allows it
        Assert.Equal($"/circles/{c.CircleId}/chat", first.Json().GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.OK, (await c.Member.PutAsJsonAsync("/api/v1/push/settings",
            new { quietFrom = (string?)null, quietUntil = (string?)null, chatPreview = true })).StatusCode);
        await c.Coordinator.PostAsJsonAsync($"/api/v1/circles/{c.CircleId}/chat", new { clientMessageId = Guid.NewGuid().ToString(), text = "Wie kan er mee?" });
        var second = await app.SendPushesUntilAsync(service, mosPhone, count: 2);
        Assert.Equal("Wie kan er mee?", second.Json().GetProperty("body").GetString());
        Assert.Empty(carlasPhone.Received); // the writer is not told of her own messages
    }

    [Theory, BothDatabases]
    public async Task A_message_in_a_request_thread_reaches_the_other_side_on_its_own_page_and_nobody_outside_the_thread(DatabaseProvider provider)
    {
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerNearAsync("Vera Vrijwilliger");
        var carlasPhone = service.NewSubscriber(vapid.PublicKey);
        var mosPhone = service.NewSubscriber(vapid.PublicKey);
        var verasPhone = service.NewSubscriber(vapid.PublicKey);
        await c.Coordinator.SubscribeAsync(carlasPhone);
        await c.Member.SubscribeAsync(mosPhone);
        await vera.SubscribeAsync(verasPhone);
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "claim")).StatusCode);
        await app.SendPushesAsync(); // Vera's alert; the claim to Mo (Carla, who asked, hears of it too)
        var (carlaBefore, moBefore, veraBefore) = (carlasPhone.Received.Count, mosPhone.Received.Count, verasPhone.Received.Count);

        var sent = await vera.PostAsJsonAsync($"/api/v1/requests/{requestId}/chat", new { clientMessageId = Guid.NewGuid().ToString(), text = "Ik kom morgen om tien uur." });
        Assert.True(sent.IsSuccessStatusCode, $"{sent.StatusCode}");
        var toCarla = (await app.SendPushesUntilAsync(service, carlasPhone, carlaBefore + 1)).Json();
        Assert.Equal("Vera Vrijwilliger over ‘Boodschappen bij de supermarkt’", toCarla.GetProperty("title").GetString());
        Assert.Equal($"/circles/{c.CircleId}/requests/{requestId}", toCarla.GetProperty("url").GetString());
        Assert.DoesNotContain("tien uur", toCarla.GetRawText()); // no preview unless Carla allows it

        await c.Coordinator.PostAsJsonAsync($"/api/v1/requests/{requestId}/chat", new { clientMessageId = Guid.NewGuid().ToString(), text = "Fijn, dank je!" });
        var toVera = (await app.SendPushesUntilAsync(service, verasPhone, veraBefore + 1)).Json();
        Assert.StartsWith("Carla", toVera.GetProperty("title").GetString());
        Assert.EndsWith(" over ‘Boodschappen bij de supermarkt’", toVera.GetProperty("title").GetString());
        Assert.Equal($"/help/{requestId}", toVera.GetProperty("url").GetString()); // the helper's own page of the request

        Assert.Equal(0, await app.SendPushesAsync());
        Assert.Equal(moBefore, mosPhone.Received.Count); // Mo is in the circle but not in this thread
        Assert.Equal(carlaBefore + 1, carlasPhone.Received.Count); // not told of her own message
        Assert.Equal(veraBefore + 1, verasPhone.Received.Count);
    }
}
