using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// Section "Push". The VAPID key pair (RFC 8292) identifies this server to the browsers' push services; every node
/// must have the same pair, and changing it stops every device's pushes until the person turns them on again.
/// Without a pair (outside Development) pushes are off: the profile says so and nothing is queued.
/// </summary>
public sealed class PushOptions
{
    /// <summary>The public key: the uncompressed P-256 point, base64url (87 characters).</summary>
    public string? PublicKey { get; set; }

    /// <summary>The private key: the 32-byte P-256 scalar, base64url. A secret: from the environment, never the repo.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>How the push services can reach whoever runs this server: a mailto: or https: address.</summary>
    public string? Subject { get; set; }

    /// <summary>
    /// Whether a device's push address may be http on this machine (127.0.0.1, ::1, localhost): for Development and
    /// for the tests' own push service. Never in Production.
    /// </summary>
    public bool AllowLoopbackEndpoints { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(PublicKey) && !string.IsNullOrEmpty(PrivateKey);
}

/// <summary>Development's own VAPID pair, kept beside the SQLite database so devices stay subscribed across restarts.</summary>
public static class DevelopmentVapidKeys
{
    public const string File = "data/push-vapid-development.json";

    public static (string PublicKey, string PrivateKey) LoadOrCreate(string path)
    {
        if (System.IO.File.Exists(path))
        {
            var kept = JsonSerializer.Deserialize<Dictionary<string, string>>(System.IO.File.ReadAllText(path))!;
            return (kept["publicKey"], kept["privateKey"]);
        }
        var pair = Generate();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["publicKey"] = pair.PublicKey, ["privateKey"] = pair.PrivateKey,
        }));
        return pair;
    }

    /// <summary>A new P-256 pair in the form browsers and the VAPID header take.</summary>
    public static (string PublicKey, string PrivateKey) Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url.EncodeToString([0x04, .. p.Q.X!, .. p.Q.Y!]), Base64Url.EncodeToString(p.D!));
    }
}
