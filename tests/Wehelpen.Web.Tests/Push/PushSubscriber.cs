using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;

namespace Wehelpen.Web.Tests.Push;

/// <summary>
/// The browser's side of one push subscription: its P-256 key pair and auth secret (what PushSubscription.toJSON()
/// gives the app as keys.p256dh and keys.auth), the endpoint the <see cref="TestPushService"/> gave it, and what the
/// service did with the requests posted there. Thread-safe.
/// </summary>
public sealed class PushSubscriber
{
    private readonly ECDiffieHellman _keys;
    private readonly byte[] _publicKey;
    private readonly byte[] _authSecret;
    private readonly Action _changed;
    private readonly Lock _gate = new();
    private readonly List<ReceivedPush> _received = [];
    private readonly List<string> _refusals = [];
    private readonly Queue<ScriptedFailure> _failures = new();
    private int _attempts;
    private bool _expired;

    internal PushSubscriber(ECDiffieHellman keys, byte[] authSecret, string endpoint, string? applicationServerKey, Action changed)
    {
        _keys = keys;
        _publicKey = P256.Uncompressed(keys.ExportParameters(includePrivateParameters: false).Q);
        _authSecret = authSecret;
        _changed = changed;
        Endpoint = endpoint;
        ApplicationServerKey = applicationServerKey;
    }

    /// <summary>A subscriber outside any service with the given keys, to decrypt known bodies such as the RFC's example.</summary>
    public static PushSubscriber FromKeys(ECParameters userAgentPrivateKey, byte[] authSecret) =>
        new(ECDiffieHellman.Create(userAgentPrivateKey), authSecret, endpoint: "", applicationServerKey: null, changed: () => { });

    public string Endpoint { get; }

    /// <summary>The VAPID public key the subscription was restricted to (the browser's applicationServerKey option); null when unrestricted.</summary>
    public string? ApplicationServerKey { get; }

    /// <summary>The uncompressed public key, base64url without padding: the subscription's keys.p256dh.</summary>
    public string P256dh => Base64Url.EncodeToString(_publicKey);

    /// <summary>The 16-byte auth secret, base64url without padding: the subscription's keys.auth.</summary>
    public string Auth => Base64Url.EncodeToString(_authSecret);

    /// <summary>Requests the service answered for this subscription, accepted or not.</summary>
    public int Attempts { get { lock (_gate) return _attempts; } }

    public IReadOnlyList<ReceivedPush> Received { get { lock (_gate) return [.. _received]; } }

    /// <summary>Why each refused request was refused ("403: ..."), scripted failures included, for tests and their failure messages.</summary>
    public IReadOnlyList<string> Refusals { get { lock (_gate) return [.. _refusals]; } }

    public bool IsExpired { get { lock (_gate) return _expired; } }

    /// <summary>
    /// The next <paramref name="times"/> requests that would be accepted are answered <paramref name="status"/> instead
    /// (with Retry-After when given) and not recorded: a push service that is down or throttles.
    /// </summary>
    public void FailNext(HttpStatusCode status, TimeSpan? retryAfter = null, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
            for (var i = 0; i < times; i++) _failures.Enqueue(new ScriptedFailure(status, retryAfter));
    }

    /// <summary>RFC 8291 decryption of an aes128gcm body with this subscriber's keys; throws <see cref="CryptographicException"/> when it is not one.</summary>
    public string Decrypt(byte[] body)
    {
        // An ECDiffieHellman instance is not documented as safe for concurrent use.
        lock (_keys) return WebPushDecryption.Decrypt(_keys, _publicKey, _authSecret, body);
    }

    public override string ToString() => Endpoint;

    internal void Expire()
    {
        lock (_gate) _expired = true;
    }

    internal ScriptedFailure? TakeScriptedFailure()
    {
        lock (_gate) return _failures.TryDequeue(out var failure) ? failure : null;
    }

    /// <summary>Counts an answered request with its outcome in one step, so a waiter never sees the attempt without its result.</summary>
    internal void Answered(ReceivedPush? delivered, string? refusal)
    {
        lock (_gate)
        {
            _attempts++;
            if (delivered is not null) _received.Add(delivered);
            if (refusal is not null) _refusals.Add(refusal);
        }
        _changed();
    }

    internal sealed record ScriptedFailure(HttpStatusCode Status, TimeSpan? RetryAfter);
}
