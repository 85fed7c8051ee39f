using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Wehelpen.Web.Tests.Push;

/// <summary>
/// POST /push/{id} of the <see cref="TestPushService"/>: checks a push request as a push service does (RFC 8030
/// section 5, RFC 8291, RFC 8292), then decrypts and records it, or answers what went wrong without recording it.
/// </summary>
internal sealed partial class PushRequestHandler(TestPushService service)
{
    /// <summary>RFC 8030 section 7.2: a push service must take at least 4096 bytes of payload; ours takes exactly that, as the strict ones do.</summary>
    private const int MaxBodyLength = 4096;

    public async Task HandleAsync(HttpContext context)
    {
        var subscriber = service.Find((string)context.Request.RouteValues["id"]!);
        if (subscriber is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var body = await ReadBodyAsync(context.Request);
        var (status, reason, delivered, retryAfter) = Judge(context.Request, subscriber, body);
        // The overall list first: whoever sees the message at the subscriber also finds it there.
        service.Delivered(delivered);
        subscriber.Answered(delivered, delivered is null ? $"{(int)status}: {reason}" : null);
        context.Response.StatusCode = (int)status;
        if (retryAfter is { } wait) context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (delivered is not null) context.Response.Headers.Location = $"{service.Origin}/message/{Guid.NewGuid():N}";
        else await context.Response.WriteAsync(reason);
    }

    private (HttpStatusCode Status, string Reason, ReceivedPush? Delivered, TimeSpan? RetryAfter) Judge(HttpRequest request, PushSubscriber subscriber, byte[]? body)
    {
        // The order of a real service: a subscription that is gone is gone whoever asks.
        if (subscriber.IsExpired) return (HttpStatusCode.Gone, "the subscription has expired", null, null);
        var headers = request.Headers;
        if (!int.TryParse(headers["TTL"], NumberStyles.None, CultureInfo.InvariantCulture, out var ttl))
            return (HttpStatusCode.BadRequest, $"TTL '{headers["TTL"]}' is not a number of seconds", null, null);
        var urgency = Optional(headers["Urgency"]);
        if (urgency is not (null or "very-low" or "low" or "normal" or "high"))
            return (HttpStatusCode.BadRequest, $"Urgency '{urgency}' is not very-low, low, normal or high", null, null);
        var topic = Optional(headers["Topic"]);
        if (topic is not null && !Topic().IsMatch(topic))
            return (HttpStatusCode.BadRequest, $"Topic '{topic}' is not at most 32 base64url characters", null, null);
        var refusal = VapidCheck.Check(headers, service.Audiences, subscriber.ApplicationServerKey, service.Time.GetUtcNow());
        if (refusal is not null) return (refusal.Status, refusal.Reason, null, null);
        if (body is null) return (HttpStatusCode.RequestEntityTooLarge, $"the body is longer than {MaxBodyLength} bytes", null, null);

        string text;
        if (body.Length == 0) text = ""; // RFC 8030 allows a push without payload, which needs no encoding
        else if (!string.Equals(headers.ContentEncoding, "aes128gcm", StringComparison.OrdinalIgnoreCase))
            return (HttpStatusCode.UnsupportedMediaType, $"Content-Encoding '{headers.ContentEncoding}' is not aes128gcm", null, null);
        else
        {
            try { text = subscriber.Decrypt(body); }
            catch (CryptographicException e) { return (HttpStatusCode.BadRequest, e.Message, null, null); }
        }

        if (subscriber.TakeScriptedFailure() is { } failure)
            return (failure.Status, "scripted failure", null, failure.RetryAfter);
        return (HttpStatusCode.Created, "", new ReceivedPush(subscriber.Endpoint, text, ttl, urgency, topic, service.Time.GetUtcNow()), null);
    }

    /// <summary>The body, or null when it is longer than a push service takes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.Length > MaxBodyLength ? null : buffer.ToArray();
    }

    private static string? Optional(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 0 ? null : value.ToString();

    // RFC 8030 section 5.4.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex Topic();
}
