using System.Buffers.Text;
using System.Security.Cryptography;

namespace Wehelpen.Web.Tests.Push;

/// <summary>
/// An application server's VAPID key pair (RFC 8292) in the form senders and browsers take it: the public key as the
/// uncompressed P-256 point (65 bytes), the private key as the 32-byte scalar D, both base64url without padding.
/// </summary>
public sealed record VapidKeyPair(string PublicKey, string PrivateKey)
{
    public static VapidKeyPair Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return new VapidKeyPair(Base64Url.EncodeToString(P256.Uncompressed(parameters.Q)), Base64Url.EncodeToString(parameters.D));
    }
}
