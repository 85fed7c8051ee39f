using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// Hands one encrypted message (RFC 8291, aes128gcm) to a device's push service, signed with the server's VAPID key
/// (RFC 8292), through Lib.Net.Http.WebPush. The connections it opens refuse addresses on private networks
/// (<see cref="PushAddresses"/>): a name is checked by where it really points, at the moment of connecting.
/// </summary>
public sealed class PushClient : IDisposable
{
    public const string HttpClientName = "push";
    private static readonly TimeSpan LongestTtl = TimeSpan.FromDays(7);

    private readonly PushServiceClient? _client;
    private readonly VapidAuthentication? _vapid;

    public PushClient(IHttpClientFactory http, IOptions<PushOptions> options)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        _vapid = new VapidAuthentication(o.PublicKey!, o.PrivateKey!) { Subject = o.Subject };
        // Retries are the outbox's, never a wait inside the sender.
        _client = new PushServiceClient(http.CreateClient(HttpClientName)) { AutoRetryAfter = false, DefaultAuthentication = _vapid };
    }

    public bool Enabled => _client is not null;

    public async Task SendAsync(PushSubscription device, string payload, string sourceKey, bool urgent, TimeSpan timeToLive, CancellationToken ct)
    {
        var subscription = new Lib.Net.Http.WebPush.PushSubscription { Endpoint = device.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, device.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, device.Auth);
        var ttl = timeToLive < LongestTtl ? timeToLive : LongestTtl;
        var message = new PushMessage(payload)
        {
            Topic = Topic(sourceKey),
            Urgency = urgent ? PushMessageUrgency.High : PushMessageUrgency.Normal,
            TimeToLive = Math.Max(0, (int)ttl.TotalSeconds),
        };
        await _client!.RequestPushMessageDeliveryAsync(subscription, message, _vapid!, VapidAuthenticationScheme.Vapid, ct);
    }

    /// <summary>RFC 8030's Topic: at most 32 URL-safe characters, the same for every try of one message.</summary>
    public static string Topic(string sourceKey) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(sourceKey)))[..32];

    public void Dispose() => _vapid?.Dispose();

    /// <summary>The sender's connections: to public addresses only, or also this machine when the settings allow it.</summary>
    public static SocketsHttpHandler Handler(bool allowLoopback) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => !PushAddresses.IsPrivate(a) || (allowLoopback && IPAddress.IsLoopback(a))).ToList();
            if (allowed.Count == 0) throw new HttpRequestException($"Push service address refused: {context.DnsEndPoint.Host} is on a private network.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
