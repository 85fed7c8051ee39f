using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Features.Push;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Push;

public sealed class PushApiTests
{
    [Theory, BothDatabases]
    public async Task A_person_turns_pushes_on_for_a_device_sees_it_and_turns_it_off(DatabaseProvider provider)
    {
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var (carla, _) = await app.PersonAsync("Carla Coördinator");

        var key = await carla.GetFromJsonAsync<JsonElement>("/api/v1/push/public-key");
        Assert.Equal(vapid.PublicKey, key.GetProperty("publicKey").GetString());

        var device = service.NewSubscriber(vapid.PublicKey);
        carla.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36");
        var id = await carla.SubscribeAsync(device);
        await carla.SubscribeAsync(device); // the same browser again (new keys, same address): still one device

        var devices = await carla.GetFromJsonAsync<List<PushDeviceResponse>>("/api/v1/push/subscriptions");
        var shown = Assert.Single(devices!);
        Assert.Equal(id, shown.Id);
        Assert.Equal("Chrome op Android", shown.Device);
        Assert.DoesNotContain(device.Endpoint, JsonSerializer.Serialize(devices)); // the push address is the device's secret

        Assert.Equal(HttpStatusCode.NoContent, (await carla.DeleteAsync($"/api/v1/push/subscriptions/{id}")).StatusCode);
        Assert.Empty((await carla.GetFromJsonAsync<List<PushDeviceResponse>>("/api/v1/push/subscriptions"))!);
    }

    [Theory, BothDatabases]
    public async Task A_stranger_cannot_see_or_turn_off_someone_elses_device_and_learns_nothing_from_trying(DatabaseProvider provider)
    {
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var c = await app.TwoCirclesAsync();
        var id = await c.Coordinator.SubscribeAsync(service.NewSubscriber(vapid.PublicKey));

        Assert.Empty((await c.Stranger.GetFromJsonAsync<List<PushDeviceResponse>>("/api/v1/push/subscriptions"))!);
        var theirs = await c.Stranger.DeleteAsync($"/api/v1/push/subscriptions/{id}");
        var none = await c.Stranger.DeleteAsync($"/api/v1/push/subscriptions/{Guid.CreateVersion7()}");
        await ProblemAssert.IsProblemAsync(theirs, HttpStatusCode.NotFound);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(none), await ProblemAssert.ComparableBodyAsync(theirs));
        Assert.Single((await c.Coordinator.GetFromJsonAsync<List<PushDeviceResponse>>("/api/v1/push/subscriptions"))!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Anonymous.GetAsync("/api/v1/push/subscriptions")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_subscription_that_could_never_work_or_points_inward_is_refused_in_dutch_and_nothing_is_stored(DatabaseProvider provider)
    {
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var (carla, _) = await app.PersonAsync("Carla Coördinator");
        var device = service.NewSubscriber(vapid.PublicKey);

        async Task<string[]> Refused(object body, string field)
        {
            var response = await carla.PostAsJsonAsync("/api/v1/push/subscriptions", body);
            return await ProblemAssert.FieldErrorsAsync(response, field);
        }
        object With(string endpoint, string? p256dh = null, string? auth = null) =>
            new { endpoint, keys = new { p256dh = p256dh ?? device.P256dh, auth = auth ?? device.Auth } };

        Assert.Equal(["Het adres van de meldingendienst moet beveiligd zijn (https)."], await Refused(With("http://push.example.com/send/1"), "endpoint"));
        Assert.Equal(["Het adres van de meldingendienst ligt op een afgeschermd netwerk. Dat kan Wehelpen niet bereiken."],
            await Refused(With("https://10.1.2.3/send/1"), "endpoint"));
        Assert.Equal(["Het adres van de meldingendienst ligt op een afgeschermd netwerk. Dat kan Wehelpen niet bereiken."],
            await Refused(With("https://[fd00::1]/send/1"), "endpoint"));
        Assert.Equal(["Het adres van de meldingendienst ligt op een afgeschermd netwerk. Dat kan Wehelpen niet bereiken."],
            await Refused(With("https://router.local/send/1"), "endpoint"));
        Assert.Equal(["Het adres van de meldingendienst is geen geldig webadres."], await Refused(With("niet een adres"), "endpoint"));
        Assert.Equal(["Het adres van de meldingendienst ontbreekt."], await Refused(new { keys = new { p256dh = device.P256dh, auth = device.Auth } }, "endpoint"));
        var notOnCurve = Convert.ToBase64String([0x04, .. new byte[64]]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(["De sleutel van dit apparaat is niet te gebruiken. Zet meldingen opnieuw aan vanuit de browser."],
            await Refused(With(device.Endpoint, p256dh: notOnCurve), "keys.p256dh"));
        Assert.Equal(["De sleutel van dit apparaat is niet te gebruiken. Zet meldingen opnieuw aan vanuit de browser."],
            await Refused(With(device.Endpoint, auth: "kort"), "keys.auth"));

        Assert.Empty((await carla.GetFromJsonAsync<List<PushDeviceResponse>>("/api/v1/push/subscriptions"))!);
    }

    [Theory, BothDatabases]
    public async Task A_person_has_at_most_ten_devices(DatabaseProvider provider)
    {
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var (carla, _) = await app.PersonAsync("Carla Coördinator");
        for (var i = 0; i < PushSubscription.MaxPerPerson; i++) await carla.SubscribeAsync(service.NewSubscriber(vapid.PublicKey));

        var eleventh = await carla.PostAsJsonAsync("/api/v1/push/subscriptions", PushSteps.SubscriptionOf(service.NewSubscriber(vapid.PublicKey)));

        var problem = await ProblemAssert.IsProblemAsync(eleventh, HttpStatusCode.Conflict);
        Assert.Equal("U hebt al op 10 apparaten meldingen aan. Zet er eerst één uit.", problem.GetProperty("detail").GetString());
        Assert.Equal(10, (await carla.GetFromJsonAsync<List<PushDeviceResponse>>("/api/v1/push/subscriptions"))!.Count);
    }

    [Theory, BothDatabases]
    public async Task Quiet_hours_are_both_times_or_none(DatabaseProvider provider)
    {
        var (app, _, service, _) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var (carla, _) = await app.PersonAsync("Carla Coördinator");

        var defaults = await carla.GetFromJsonAsync<PushSettingsResponse>("/api/v1/push/settings");
        Assert.Equal(new PushSettingsResponse("22:00", "08:00", false), defaults);
        var half = await carla.PutAsJsonAsync("/api/v1/push/settings", new { quietFrom = "23:00" });
        Assert.Equal(["Vul allebei de tijden in, of laat ze allebei leeg voor geen stille uren."], await ProblemAssert.FieldErrorsAsync(half, "quietUntil"));
        var saved = await carla.PutAsJsonAsync("/api/v1/push/settings", new { quietFrom = "23:00", quietUntil = "7:30", chatPreview = true });
        Assert.Equal(new PushSettingsResponse("23:00", "07:30", true), await saved.Content.ReadFromJsonAsync<PushSettingsResponse>());
    }
}
