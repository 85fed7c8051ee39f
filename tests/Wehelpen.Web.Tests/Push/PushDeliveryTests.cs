using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Push;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Push;

/// <summary>
/// Pushes reach a device through a real push service on this machine that checks the VAPID signature and decrypts
/// every message with the device's own keys (<see cref="TestPushService"/>): not a mock of the sender.
/// </summary>
public sealed class PushDeliveryTests
{
    [Theory, BothDatabases]
    public async Task A_volunteer_asked_to_help_gets_one_push_per_device_with_the_area_and_distance_but_no_address(DatabaseProvider provider)
    {
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerNearAsync("Vera Vrijwilliger");
        var phone = service.NewSubscriber(vapid.PublicKey);
        var laptop = service.NewSubscriber(vapid.PublicKey);
        await vera.SubscribeAsync(phone);
        await vera.SubscribeAsync(laptop);

        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId); // the first wave asks Vera at posting
        Assert.Equal(2, await app.SendPushesAsync());
        Assert.Equal(0, await app.SendPushesAsync()); // a second round, or a second node, finds nothing left

        foreach (var device in new[] { phone, laptop })
        {
            var push = Assert.Single(device.Received);
            var shown = push.Json();
            Assert.StartsWith("Kunt u helpen? Boodschappen bij de supermarkt", shown.GetProperty("title").GetString());
            // 1055 and 1056 lie 805 m apart (their centres in the postcode table): told to 100 m.
            Assert.StartsWith("Iemand op 800 m van u (1055) vraagt om hulp.", shown.GetProperty("body").GetString());
            Assert.Equal($"/help/{requestId}", shown.GetProperty("url").GetString());
            Assert.DoesNotContain(RequestSteps.Address, push.Text);
            Assert.DoesNotContain(RequestSteps.Phone, push.Text);
            Assert.DoesNotContain("Melk, brood", push.Text);
            Assert.NotEqual("high", push.Urgency); // tomorrow's request: it can wait for the morning
            Assert.True(push.Ttl > 0);
        }
        Assert.Equal(phone.Received[0].Topic, laptop.Received[0].Topic);
    }

    [Theory, BothDatabases]
    public async Task A_device_the_push_service_says_is_gone_is_removed_and_the_others_still_get_theirs(DatabaseProvider provider)
    {
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerNearAsync("Vera Vrijwilliger");
        var old = service.NewSubscriber(vapid.PublicKey);
        var current = service.NewSubscriber(vapid.PublicKey);
        await vera.SubscribeAsync(old);
        await vera.SubscribeAsync(current);
        service.Expire(old);

        await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Equal(1, await app.SendPushesAsync());

        Assert.Single(current.Received);
        Assert.Empty(old.Received);
        var devices = await vera.GetFromJsonAsync<List<PushDeviceResponse>>("/api/v1/push/subscriptions");
        Assert.Single(devices!);
        Assert.Equal(0, await app.InScopeAsync(s => s.GetRequiredService<WehelpenDbContext>().Set<PushDelivery>()
            .CountAsync(d => d.State == PushDeliveryState.Pending || d.State == PushDeliveryState.Sending)));
    }

    [Theory, BothDatabases]
    public async Task A_push_service_that_is_down_is_tried_again_after_the_pause_it_asks_for(DatabaseProvider provider)
    {
        var (app, clock, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerNearAsync("Vera Vrijwilliger");
        var phone = service.NewSubscriber(vapid.PublicKey);
        await vera.SubscribeAsync(phone);
        phone.FailNext(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromMinutes(2));

        await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Equal(0, await app.SendPushesAsync());
        Assert.Equal(1, phone.Attempts);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await app.SendPushesAsync()); // not before the two minutes it asked for
        Assert.Equal(1, phone.Attempts);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await app.SendPushesAsync());
        Assert.Single(phone.Received);
        Assert.Equal(2, phone.Attempts);
    }

    [Theory, BothDatabases]
    public async Task Quiet_hours_hold_a_push_that_can_wait_until_the_morning_but_not_one_that_cannot(DatabaseProvider provider)
    {
        // 23:30 in Amsterdam; quiet hours are 22:00-08:00 unless the person chose others.
        var (app, clock, service, vapid) = await PushSteps.StartAsync(provider, new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.Zero));
        await using var _app = app;
        await using var _service = service;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerNearAsync("Vera Vrijwilliger");
        var phone = service.NewSubscriber(vapid.PublicKey);
        await vera.SubscribeAsync(phone);

        var later = RequestSteps.Shopping();
        later["date"] = "2026-11-26";
        later["title"] = "Boodschappen donderdag";
        await c.Coordinator.PostedIdAsync(c.CircleId, later);
        var soon = RequestSteps.Shopping(); // tomorrow 10:00, in ten and a half hours: cannot wait
        soon["title"] = "Boodschappen morgenochtend";
        await c.Coordinator.PostedIdAsync(c.CircleId, soon);

        Assert.Equal(1, await app.SendPushesAsync());
        var urgent = Assert.Single(phone.Received);
        Assert.Contains("morgenochtend", urgent.Json().GetProperty("title").GetString());
        Assert.Equal("high", urgent.Urgency);

        clock.Now = new DateTimeOffset(2026, 11, 24, 6, 59, 0, TimeSpan.Zero); // 07:59
        Assert.Equal(0, await app.SendPushesAsync());
        clock.Now = new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero);  // 08:00
        Assert.Equal(1, await app.SendPushesAsync());
        Assert.Contains("donderdag", phone.Received[1].Json().GetProperty("title").GetString());
    }

    [Theory, BothDatabases]
    public async Task Without_quiet_hours_a_push_goes_at_night_too(DatabaseProvider provider)
    {
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider, new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.Zero));
        await using var _app = app;
        await using var _service = service;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerNearAsync("Vera Vrijwilliger");
        var phone = service.NewSubscriber(vapid.PublicKey);
        await vera.SubscribeAsync(phone);
        var saved = await vera.PutAsJsonAsync("/api/v1/push/settings", new { quietFrom = (string?)null, quietUntil = (string?)null, chatPreview = false });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var later = RequestSteps.Shopping();
        later["date"] = "2026-11-26";
        await c.Coordinator.PostedIdAsync(c.CircleId, later);

        Assert.Equal(1, await app.SendPushesAsync());
    }
}
