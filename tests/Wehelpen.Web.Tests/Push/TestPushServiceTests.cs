using System.Net;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;

namespace Wehelpen.Web.Tests.Push;

/// <summary>The test push service against the sender the app uses (Lib.Net.Http.WebPush): what it delivers, what it refuses, and its scripted failures.</summary>
public sealed class TestPushServiceTests
{
    internal const string Text = "Zoë vraagt: kun je morgen om 10:00 boodschappen doen? 🛒";

    [Theory]
    [InlineData(VapidAuthenticationScheme.Vapid)]
    [InlineData(VapidAuthenticationScheme.WebPush)]
    public async Task A_message_from_Lib_Net_Http_WebPush_arrives_decrypted_with_its_text_and_headers(VapidAuthenticationScheme scheme)
    {
        await using var push = await TestPushService.StartAsync();
        var vapid = VapidKeyPair.Generate();
        var subscriber = push.NewSubscriber(vapid.PublicKey);
        using var http = new HttpClient();

        await Sender(http, vapid, scheme).RequestPushMessageDeliveryAsync(SubscriptionOf(subscriber),
            new PushMessage(Text) { TimeToLive = 3600, Urgency = PushMessageUrgency.High, Topic = "boodschappen" });

        var received = await push.WaitForAsync(subscriber);
        Assert.Equal(Text, received.Text);
        Assert.Equal((3600, "high", "boodschappen", subscriber.Endpoint), (received.Ttl, received.Urgency, received.Topic, received.Endpoint));
        Assert.Equal([received], push.Received);
        Assert.Equal(1, subscriber.Attempts);
        Assert.Empty(subscriber.Refusals);
    }

    [Fact]
    public async Task A_message_signed_with_another_key_than_the_subscriptions_application_server_key_is_refused_with_403()
    {
        await using var push = await TestPushService.StartAsync();
        var subscriber = push.NewSubscriber(VapidKeyPair.Generate().PublicKey);
        using var http = new HttpClient();

        var refused = await Assert.ThrowsAsync<PushServiceClientException>(() =>
            Sender(http, VapidKeyPair.Generate()).RequestPushMessageDeliveryAsync(SubscriptionOf(subscriber), new PushMessage(Text)));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("is not the subscription's applicationServerKey", Assert.Single(subscriber.Refusals));
        Assert.Empty(subscriber.Received);
        Assert.Empty(push.Received);
    }

    [Fact]
    public async Task A_body_with_one_byte_flipped_is_refused_with_400_and_not_recorded()
    {
        await using var push = await TestPushService.StartAsync();
        var vapid = VapidKeyPair.Generate();
        var subscriber = push.NewSubscriber(vapid.PublicKey);
        // Past the 86-byte header (salt, rs, idlen, keyid): a byte of the ciphertext, which the GCM tag protects.
        using var http = new HttpClient(RequestRewritingHandler.FlippingByte(90));

        var refused = await Assert.ThrowsAsync<PushServiceClientException>(() =>
            Sender(http, vapid).RequestPushMessageDeliveryAsync(SubscriptionOf(subscriber), new PushMessage(Text)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Single(subscriber.Refusals);
        Assert.Empty(subscriber.Received);
    }

    [Fact]
    public async Task A_message_for_an_expired_subscription_is_answered_410_Gone()
    {
        await using var push = await TestPushService.StartAsync();
        var vapid = VapidKeyPair.Generate();
        var subscriber = push.NewSubscriber(vapid.PublicKey);
        push.Expire(subscriber);
        using var http = new HttpClient();

        var refused = await Assert.ThrowsAsync<PushServiceClientException>(() =>
            Sender(http, vapid).RequestPushMessageDeliveryAsync(SubscriptionOf(subscriber), new PushMessage(Text)));

        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
        Assert.Equal(1, subscriber.Attempts);
        Assert.Empty(subscriber.Received);
    }

    [Fact]
    public async Task A_scripted_503_with_Retry_After_is_answered_once_and_the_next_request_is_delivered()
    {
        await using var push = await TestPushService.StartAsync();
        var vapid = VapidKeyPair.Generate();
        var subscriber = push.NewSubscriber(vapid.PublicKey);
        subscriber.FailNext(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(2));
        using var http = new HttpClient();
        var sender = Sender(http, vapid);

        var refused = await Assert.ThrowsAsync<PushServiceClientException>(() =>
            sender.RequestPushMessageDeliveryAsync(SubscriptionOf(subscriber), new PushMessage(Text)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers?.RetryAfter?.Delta);
        Assert.Empty(subscriber.Received);

        await sender.RequestPushMessageDeliveryAsync(SubscriptionOf(subscriber), new PushMessage(Text));

        await push.WaitForAttemptsAsync(subscriber, 2);
        Assert.Equal(Text, Assert.Single(subscriber.Received).Text);
    }

    [Fact]
    public async Task Waiting_for_a_message_that_does_not_come_fails_with_what_was_refused()
    {
        await using var push = await TestPushService.StartAsync();
        var subscriber = push.NewSubscriber();
        using var http = new HttpClient();
        var response = await http.PostAsync(subscriber.Endpoint, new ByteArrayContent([1, 2, 3]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // no TTL

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => push.WaitForAsync(subscriber, timeout: TimeSpan.FromMilliseconds(200)));

        Assert.Contains("Attempts: 1. Received 0. Refused 1: 400: TTL '' is not a number of seconds.", timeout.Message);
    }

    [Fact]
    public async Task An_endpoint_the_service_never_gave_out_is_answered_404()
    {
        await using var push = await TestPushService.StartAsync();
        using var http = new HttpClient();

        var response = await http.PostAsync($"{push.Origin}/push/unknown", new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Twenty_messages_sent_at_once_to_two_subscribers_all_arrive_with_their_own_keys()
    {
        await using var push = await TestPushService.StartAsync();
        var vapid = VapidKeyPair.Generate();
        var (anna, bram) = (push.NewSubscriber(vapid.PublicKey), push.NewSubscriber(vapid.PublicKey));
        using var http = new HttpClient();
        var sender = Sender(http, vapid);

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            sender.RequestPushMessageDeliveryAsync(SubscriptionOf(i % 2 == 0 ? anna : bram), new PushMessage($"bericht {i}"))));

        Assert.Equal(20, push.Received.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"bericht {2 * i}").Order(), anna.Received.Select(r => r.Text).Order());
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"bericht {2 * i - 1}").Order(), bram.Received.Select(r => r.Text).Order());
    }

    internal static PushServiceClient Sender(HttpClient http, VapidKeyPair vapid, VapidAuthenticationScheme scheme = VapidAuthenticationScheme.Vapid) => new(http)
    {
        DefaultAuthentication = new VapidAuthentication(vapid.PublicKey, vapid.PrivateKey) { Subject = "mailto:test@wehelpen.local" },
        DefaultAuthenticationScheme = scheme,
    };

    internal static PushSubscription SubscriptionOf(PushSubscriber subscriber) => new()
    {
        Endpoint = subscriber.Endpoint,
        Keys = new Dictionary<string, string> { ["p256dh"] = subscriber.P256dh, ["auth"] = subscriber.Auth },
    };
}
