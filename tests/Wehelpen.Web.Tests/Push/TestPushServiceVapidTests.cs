using System.Net;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using static Wehelpen.Web.Tests.Push.TestPushServiceTests;

namespace Wehelpen.Web.Tests.Push;

/// <summary>The claims of the VAPID token (RFC 8292 section 2) that the test push service holds a sender to.</summary>
public sealed class TestPushServiceVapidTests
{
    [Fact]
    public async Task A_token_for_another_audience_is_refused_with_403()
    {
        await using var push = await TestPushService.StartAsync();
        var vapid = VapidKeyPair.Generate();
        var subscriber = push.NewSubscriber(vapid.PublicKey);
        using var authentication = new VapidAuthentication(vapid.PublicKey, vapid.PrivateKey) { Subject = "mailto:test@wehelpen.local" };
        using var http = new HttpClient(new RequestRewritingHandler(request =>
        {
            request.Headers.Authorization = new("vapid", authentication.GetVapidSchemeAuthenticationHeaderValueParameter("https://push.example.net"));
            return Task.CompletedTask;
        }));

        var refused = await Assert.ThrowsAsync<PushServiceClientException>(() =>
            Sender(http, vapid).RequestPushMessageDeliveryAsync(SubscriptionOf(subscriber), new PushMessage(Text)));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("aud 'https://push.example.net'", Assert.Single(subscriber.Refusals));
    }

    /// <summary>Why <see cref="TestPushService.AudienceMayOmitPort"/> is on by default: the sender leaves the port out of aud.</summary>
    [Fact]
    public async Task Lib_Net_Http_WebPush_leaves_the_port_out_of_aud_which_the_strict_origin_check_refuses()
    {
        await using var push = await TestPushService.StartAsync();
        push.AudienceMayOmitPort = false;
        var vapid = VapidKeyPair.Generate();
        var subscriber = push.NewSubscriber(vapid.PublicKey);
        using var http = new HttpClient();

        var refused = await Assert.ThrowsAsync<PushServiceClientException>(() =>
            Sender(http, vapid).RequestPushMessageDeliveryAsync(SubscriptionOf(subscriber), new PushMessage(Text)));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.StartsWith($"403: aud 'http://127.0.0.1' is not the push resource's origin ({push.Origin})", Assert.Single(subscriber.Refusals));
    }

    /// <summary>The sender signs a token valid for an hour; the service's clock says when that is over, or too far ahead.</summary>
    [Theory]
    [InlineData(2, "the JWT expired at")]
    [InlineData(-24, "is more than 24 hours after now")]
    public async Task A_token_expired_or_valid_for_more_than_24_hours_is_refused_with_403(int serviceClockAheadHours, string why)
    {
        var clock = new TestClock(DateTimeOffset.UtcNow.AddHours(serviceClockAheadHours));
        await using var push = await TestPushService.StartAsync(clock);
        var vapid = VapidKeyPair.Generate();
        var subscriber = push.NewSubscriber(vapid.PublicKey);
        using var http = new HttpClient();
        var sender = Sender(http, vapid);
        sender.DefaultAuthentication.Expiration = 3600;

        var refused = await Assert.ThrowsAsync<PushServiceClientException>(() =>
            sender.RequestPushMessageDeliveryAsync(SubscriptionOf(subscriber), new PushMessage(Text)));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(why, Assert.Single(subscriber.Refusals));
    }

    [Fact]
    public async Task A_request_without_VAPID_is_refused_with_401()
    {
        await using var push = await TestPushService.StartAsync();
        var subscriber = push.NewSubscriber();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Endpoint) { Content = new ByteArrayContent([]) };
        request.Headers.Add("TTL", "60");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["401: no Authorization header"], subscriber.Refusals);
    }
}
