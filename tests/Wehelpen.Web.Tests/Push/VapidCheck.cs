using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Wehelpen.Web.Tests.Push;

/// <summary>
/// Checks a push request's VAPID identification (RFC 8292) as a push service does. Statuses after RFC 8292 section 4.1
/// and 4.2: 401 when there is no usable credential, 403 when it is there but does not hold or is another key than
/// the one the subscription was restricted to.
/// </summary>
internal static class VapidCheck
{
    public sealed record Refusal(HttpStatusCode Status, string Reason);

    /// <summary>Null when the request is identified well enough to deliver; otherwise why not.</summary>
    public static Refusal? Check(IHeaderDictionary headers, IReadOnlyCollection<string> audiences, string? applicationServerKey, DateTimeOffset now)
    {
        if (!TryReadCredential(headers, out var token, out var key, out var absent)) return new(HttpStatusCode.Unauthorized, absent);
        var invalid = Invalid(token, key, audiences, now);
        if (invalid is not null) return new(HttpStatusCode.Forbidden, invalid);
        if (applicationServerKey is not null && !Decode(key).AsSpan().SequenceEqual(Decode(applicationServerKey)))
            return new(HttpStatusCode.Forbidden, $"VAPID key {key} is not the subscription's applicationServerKey {applicationServerKey}");
        return null;
    }

    /// <summary>
    /// "Authorization: vapid t=JWT, k=key" (RFC 8292 section 3), or the draft scheme that preceded it and which
    /// senders still offer: "Authorization: WebPush JWT" with "Crypto-Key: p256ecdsa=key".
    /// </summary>
    private static bool TryReadCredential(IHeaderDictionary headers, out string token, out string key, out string absent)
    {
        token = key = "";
        var authorization = headers.Authorization.ToString().Trim();
        var space = authorization.IndexOf(' ');
        var scheme = space < 0 ? authorization : authorization[..space];
        var parameters = space < 0 ? "" : authorization[(space + 1)..];
        if (scheme.Equals("vapid", StringComparison.OrdinalIgnoreCase))
        {
            token = Parameter(parameters.Split(','), "t") ?? "";
            key = Parameter(parameters.Split(','), "k") ?? "";
        }
        else if (scheme.Equals("WebPush", StringComparison.OrdinalIgnoreCase))
        {
            token = parameters.Trim();
            key = Parameter(headers["Crypto-Key"].ToString().Split(';', ','), "p256ecdsa") ?? "";
        }
        absent = authorization.Length == 0 ? "no Authorization header"
            : token.Length == 0 || key.Length == 0 ? $"Authorization '{authorization}' carries no VAPID token and key"
            : "";
        return absent.Length == 0;
    }

    private static string? Parameter(string[] parts, string name) => parts
        .Select(p => p.Trim().Split('=', 2))
        .Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
        .Select(p => p[1].Trim().Trim('"'))
        .FirstOrDefault();

    private static string? Invalid(string token, string key, IReadOnlyCollection<string> audiences, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return "the VAPID token is not a JWT of three parts";
        try
        {
            using var header = JsonDocument.Parse(Decode(parts[0]));
            if (StringMember(header, "typ") != "JWT" || StringMember(header, "alg") != "ES256")
                return $"JWT header {Encoding.UTF8.GetString(Decode(parts[0]))}, expected typ JWT and alg ES256";
            using (var verifier = ECDsa.Create(P256.PublicKey(Decode(key))))
            {
                // ES256 (RFC 7518 section 3.4): SHA-256 over "header.claims", the signature r | s of 32 bytes each.
                if (!verifier.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Decode(parts[2]),
                        HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                    return "the JWT's signature does not verify with key k";
            }
            using var claims = JsonDocument.Parse(Decode(parts[1]));
            var audience = StringMember(claims, "aud");
            if (audience is null || !audiences.Contains(audience))
                return $"aud '{audience}' is not the push resource's origin ({string.Join(" or ", audiences)})";
            if (!claims.RootElement.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expires))
                return "the JWT has no numeric exp";
            var expiry = DateTimeOffset.FromUnixTimeSeconds(expires);
            if (expiry <= now) return $"the JWT expired at {expiry:O} (now {now:O})";
            if (expiry > now.AddHours(24)) return $"exp {expiry:O} is more than 24 hours after now ({now:O})";
            var subject = StringMember(claims, "sub");
            if (!IsContact(subject)) return $"sub '{subject}' is not a mailto: or https: URL";
            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException or CryptographicException or InvalidOperationException)
        {
            return $"the VAPID token or key does not decode: {e.Message}";
        }
    }

    private static string? StringMember(JsonDocument json, string name) =>
        json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;

    private static bool IsContact(string? subject) =>
        Uri.TryCreate(subject, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeMailto || uri.Scheme == Uri.UriSchemeHttps);

    private static byte[] Decode(string base64Url) => Base64Url.DecodeFromChars(base64Url);
}
