using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Push;

/// <summary>A person's devices with pushes on: turning one on (or again), listing them, turning one off.</summary>
public sealed class PushDevices(WehelpenDbContext db, IOptions<PushOptions> options, IStringLocalizer<SharedResource> text, TimeProvider clock,
    ILogger<PushDevices> logger)
{
    public async Task<IReadOnlyList<PushSubscription>> MineAsync(string userId, CancellationToken ct) =>
        await db.Set<PushSubscription>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync(ct);

    /// <summary>
    /// Turns pushes on for the device the browser describes. The same device again (its address is known) keeps its
    /// row with the new keys; a device someone else turned on before belongs to whoever turns it on now.
    /// </summary>
    public async Task<Outcome<PushSubscription>> SubscribeAsync(string userId, PushSubscriptionInput input, string? userAgent, CancellationToken ct)
    {
        if (!options.Value.Enabled) return Refusal.NotFound(text["Push.Off"]);
        var errors = new FieldErrors();
        var endpoint = Endpoint(input.Endpoint, errors);
        var p256dh = Key(input.Keys?.P256dh, "keys.p256dh", 65, errors);
        var auth = Key(input.Keys?.Auth, "keys.auth", 16, errors);
        if (p256dh is not null && !IsCurvePoint(p256dh)) errors.Add("keys.p256dh", text["Push.BadKey"]);
        if (errors.Any) return errors;

        var now = clock.GetUtcNow();
        var (browser, system) = DeviceSummary.Of(userAgent);
        var existing = await db.Set<PushSubscription>().SingleOrDefaultAsync(s => s.Endpoint == endpoint, ct);
        if (existing is null || existing.UserId != userId)
        {
            var count = await db.Set<PushSubscription>().CountAsync(s => s.UserId == userId, ct);
            if (count >= PushSubscription.MaxPerPerson) return Refusal.Conflict(text["Push.TooMany", PushSubscription.MaxPerPerson]);
        }
        if (existing is null)
        {
            existing = new PushSubscription { UserId = userId, Endpoint = endpoint!, CreatedAt = now };
            db.Add(existing);
        }
        else if (existing.UserId != userId)
        {
            // Someone else signed in on this browser: the device is theirs now, and none of the other's pushes wait for it.
            await db.Set<PushDelivery>().Where(d => d.SubscriptionId == existing.Id).ExecuteDeleteAsync(ct);
            existing.UserId = userId;
            existing.CreatedAt = now;
            existing.LastPushedAt = null;
        }
        existing.P256dh = input.Keys!.P256dh!;
        existing.Auth = input.Keys.Auth!;
        existing.Browser = browser;
        existing.System = system;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Push turned on for device {SubscriptionId} of {UserId}.", existing.Id, userId);
        return existing;
    }

    /// <summary>Turns one of my devices off; false when I have no such device (whoever's it is).</summary>
    public async Task<bool> RemoveAsync(string userId, Guid subscriptionId, CancellationToken ct)
    {
        var removed = await db.Set<PushSubscription>().Where(s => s.Id == subscriptionId && s.UserId == userId).ExecuteDeleteAsync(ct) == 1;
        if (removed) logger.LogInformation("Push turned off for device {SubscriptionId} of {UserId}.", subscriptionId, userId);
        return removed;
    }

    /// <summary>"Chrome op Android", as on the list of sessions.</summary>
    public string Describe(PushSubscription s) => SessionTexts.Device(s.Browser, s.System, text);

    public PushDeviceResponse ToResponse(PushSubscription s) => new(s.Id, Describe(s), s.Browser, s.System, s.CreatedAt, s.LastPushedAt);

    private string? Endpoint(string? typed, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(typed)) { errors.Add("endpoint", text["Push.EndpointMissing"]); return null; }
        if (typed.Length > PushSubscription.EndpointMaxLength || !Uri.TryCreate(typed, UriKind.Absolute, out var uri))
        {
            errors.Add("endpoint", text["Push.EndpointBad"]);
            return null;
        }
        var loopbackAllowed = options.Value.AllowLoopbackEndpoints && uri.Scheme is "http" or "https" && PushAddresses.IsLoopbackName(uri.Host);
        if (uri.Scheme != Uri.UriSchemeHttps && !loopbackAllowed) { errors.Add("endpoint", text["Push.EndpointNotHttps"]); return null; }
        if (!loopbackAllowed && (PushAddresses.IsLocalName(uri.IdnHost)
            || (System.Net.IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && PushAddresses.IsPrivate(ip))))
        {
            errors.Add("endpoint", text["Push.EndpointPrivate"]);
            return null;
        }
        if (!string.IsNullOrEmpty(uri.UserInfo)) { errors.Add("endpoint", text["Push.EndpointBad"]); return null; }
        return uri.AbsoluteUri;
    }

    private byte[]? Key(string? typed, string field, int length, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(typed)) { errors.Add(field, text["Push.KeyMissing"]); return null; }
        var bytes = new byte[Base64Url.GetMaxDecodedLength(typed.Length)];
        if (typed.Length > 200 || Base64Url.DecodeFromChars(typed, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != length)
        {
            errors.Add(field, text["Push.BadKey"]);
            return null;
        }
        return bytes[..written];
    }

    /// <summary>An uncompressed point that lies on P-256: anything else could never be encrypted to.</summary>
    private static bool IsCurvePoint(byte[] key)
    {
        if (key[0] != 0x04) return false;
        try
        {
            using var ecdh = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = key[1..33], Y = key[33..] } });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
