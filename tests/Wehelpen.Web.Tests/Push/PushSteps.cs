using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Push;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Push;

/// <summary>An app with pushes on (a fresh VAPID pair, push addresses on this machine allowed) and a push service of its own.</summary>
public static class PushSteps
{
    public static async Task<(WehelpenApplication App, TestClock Clock, TestPushService Service, VapidKeyPair Vapid)> StartAsync(
        DatabaseProvider provider, DateTimeOffset? now = null)
    {
        var clock = new TestClock(now ?? RequestSteps.Now);
        var vapid = VapidKeyPair.Generate();
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:LoginAttemptsPerMinute"] = "1000",
            ["Requests:SweepSeconds"] = "86400",
            ["Push:PublicKey"] = vapid.PublicKey,
            ["Push:PrivateKey"] = vapid.PrivateKey,
            ["Push:Subject"] = "mailto:beheer@wehelpen.test",
            ["Push:AllowLoopbackEndpoints"] = "true",
        };
        var app = await WehelpenApplication.StartAsync(provider, settings, s => s.AddSingleton<TimeProvider>(clock));
        return (app, clock, await TestPushService.StartAsync(), vapid);
    }

    /// <summary>What the browser's script posts after <c>pushManager.subscribe</c>.</summary>
    public static object SubscriptionOf(PushSubscriber device) =>
        new { endpoint = device.Endpoint, expirationTime = (long?)null, keys = new { p256dh = device.P256dh, auth = device.Auth } };

    public static async Task<Guid> SubscribeAsync(this HttpClient client, PushSubscriber device)
    {
        var response = await client.PostAsJsonAsync("/api/v1/push/subscriptions", SubscriptionOf(device));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>What the push job does each round: send what is due.</summary>
    public static async Task<int> SendPushesAsync(this WehelpenApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PushSender>().SendDueAsync(CancellationToken.None);
    }

    public static async Task<T> InScopeAsync<T>(this WehelpenApplication app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static JsonElement Json(this ReceivedPush push) => JsonDocument.Parse(push.Text).RootElement;

    public static Task<(HttpClient Client, string UserId)> VolunteerNearAsync(this WehelpenApplication app, string name) =>
        app.VolunteerAsync(name, "1056 AB");
}

public static class PushWaiting
{
    /// <summary>
    /// Runs the push job's round until the device has <paramref name="count"/> pushes: for causes that queue their
    /// pushes just after answering (a chat message). Fails with what arrived when it takes longer than ten seconds.
    /// </summary>
    public static async Task<ReceivedPush> SendPushesUntilAsync(this WehelpenApplication app, TestPushService service, PushSubscriber device, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (device.Received.Count < count && DateTime.UtcNow < deadline)
        {
            await app.SendPushesAsync();
            if (device.Received.Count < count) await Task.Delay(50);
        }
        Assert.True(device.Received.Count >= count, $"Expected {count} pushes at {device.Endpoint}, got {device.Received.Count}; attempts {device.Attempts}.");
        return device.Received[count - 1];
    }
}
