using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wehelpen.Web.Tests.Push;

/// <summary>
/// A real Web Push service (RFC 8030) over HTTP on 127.0.0.1, on a port the OS picks, holding subscriptions for
/// <see cref="PushSubscriber"/>s. It refuses what a push service refuses and decrypts and records what it accepts;
/// tests wait for messages and attempts on it without sleeping. Thread-safe.
/// </summary>
public sealed class TestPushService : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private readonly WebApplication _app;
    private readonly Dictionary<string, PushSubscriber> _subscribers = [];
    private readonly List<ReceivedPush> _received = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();

    private TestPushService(WebApplication app, TimeProvider time)
    {
        _app = app;
        Time = time;
    }

    /// <summary>http://127.0.0.1:port, the origin of every endpoint and so the VAPID audience.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>
    /// Also takes "http://127.0.0.1" (the origin without its port) as VAPID aud. Lib.Net.Http.WebPush builds aud from
    /// the endpoint's scheme and host only; on a real push service (https, port 443) that is the origin, here it is
    /// not. Set to false to demand the exact RFC 6454 origin.
    /// </summary>
    public bool AudienceMayOmitPort { get; set; } = true;

    /// <summary>The clock for VAPID exp and <see cref="ReceivedPush.ReceivedAt"/>; timeouts of the waits use real time.</summary>
    public TimeProvider Time { get; }

    /// <summary>Every message accepted, for every subscriber, in the order accepted.</summary>
    public IReadOnlyList<ReceivedPush> Received { get { lock (_gate) return [.. _received]; } }

    internal IReadOnlyCollection<string> Audiences =>
        AudienceMayOmitPort ? [Origin, "http://127.0.0.1"] : [Origin];

    public static async Task<TestPushService> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = nameof(TestPushService), ContentRootPath = AppContext.BaseDirectory });
        // Nothing from the app's appsettings (Kestrel endpoints, logging) in the test output folder may reach this server.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var service = new TestPushService(app, time ?? TimeProvider.System);
        app.MapPost("/push/{id}", new PushRequestHandler(service).HandleAsync);
        await app.StartAsync();
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        service.Origin = $"http://127.0.0.1:{bound.Port}";
        return service;
    }

    /// <summary>
    /// A new subscription, as pushManager.subscribe() makes one. With <paramref name="applicationServerKey"/> (the VAPID
    /// public key, base64url) only requests identified with that key are accepted (RFC 8292 section 4.2).
    /// </summary>
    public PushSubscriber NewSubscriber(string? applicationServerKey = null)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var subscriber = new PushSubscriber(ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256), RandomNumberGenerator.GetBytes(16),
            $"{Origin}/push/{id}", applicationServerKey, Signal);
        lock (_gate) _subscribers.Add(id, subscriber);
        return subscriber;
    }

    /// <summary>From now on the subscription answers 410 Gone, as one the browser dropped or the service expired.</summary>
    public void Expire(PushSubscriber subscriber) => subscriber.Expire();

    /// <summary>
    /// The first message for <paramref name="subscriber"/> that matches, already received or still to come. Fails
    /// with what did arrive (and what was refused) when none does within the timeout (15 s unless given).
    /// </summary>
    public Task<ReceivedPush> WaitForAsync(PushSubscriber subscriber, Func<ReceivedPush, bool>? match = null, TimeSpan? timeout = null) =>
        WaitAsync(() => subscriber.Received.FirstOrDefault(match ?? (_ => true)), timeout,
            waited => $"No push message{(match is null ? "" : " matching the test's condition")} reached {subscriber.Endpoint} within {waited.TotalSeconds:0.#} s. {Describe(subscriber)}");

    /// <summary>Until the service has answered <paramref name="count"/> requests for <paramref name="subscriber"/>, accepted or not.</summary>
    public Task WaitForAttemptsAsync(PushSubscriber subscriber, int count, TimeSpan? timeout = null) =>
        WaitAsync(() => subscriber.Attempts >= count ? subscriber : null, timeout,
            waited => $"Not {count} requests for {subscriber.Endpoint} within {waited.TotalSeconds:0.#} s. {Describe(subscriber)}");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    internal PushSubscriber? Find(string id)
    {
        lock (_gate) return _subscribers.GetValueOrDefault(id);
    }

    internal void Delivered(ReceivedPush? push)
    {
        if (push is null) return;
        lock (_gate) _received.Add(push);
        Signal();
    }

    private async Task<T> WaitAsync<T>(Func<T?> done, TimeSpan? timeout, Func<TimeSpan, string> failure) where T : class
    {
        var waited = timeout ?? DefaultTimeout;
        using var deadline = new CancellationTokenSource(waited);
        while (true)
        {
            // The signal is taken before looking, so a change between the look and the wait is not missed.
            Task changed;
            lock (_gate) changed = _changed.Task;
            if (done() is { } result) return result;
            try { await changed.WaitAsync(deadline.Token); }
            catch (OperationCanceledException) { throw new TimeoutException(failure(waited)); }
        }
    }

    private static string Describe(PushSubscriber subscriber)
    {
        var received = subscriber.Received;
        var refusals = subscriber.Refusals;
        return $"Attempts: {subscriber.Attempts}. Received {received.Count}{(received.Count == 0 ? "" : ": " + string.Join(" | ", received.Select(r => $"'{r.Text}' (TTL {r.Ttl}, Urgency {r.Urgency ?? "-"}, Topic {r.Topic ?? "-"})")))}."
            + $" Refused {refusals.Count}{(refusals.Count == 0 ? "" : ": " + string.Join(" | ", refusals))}.";
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
