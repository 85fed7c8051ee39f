using System.Security.Cryptography;

namespace Wehelpen.Web.Tests.Push;

/// <summary>P-256 public keys as Web Push writes them: the uncompressed point 0x04 | X | Y (SEC1 2.3.3), 65 bytes.</summary>
internal static class P256
{
    public const int PublicKeyLength = 65;

    public static byte[] Uncompressed(ECPoint q) => [0x04, .. q.X!, .. q.Y!];

    /// <summary>The point in <paramref name="uncompressed"/>; throws <see cref="CryptographicException"/> when it is not one.</summary>
    public static ECParameters PublicKey(ReadOnlySpan<byte> uncompressed)
    {
        if (uncompressed.Length != PublicKeyLength || uncompressed[0] != 0x04)
            throw new CryptographicException($"Not an uncompressed P-256 point: {uncompressed.Length} bytes starting with 0x{(uncompressed.IsEmpty ? 0 : uncompressed[0]):x2}.");
        return new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = uncompressed[1..33].ToArray(), Y = uncompressed[33..].ToArray() },
        };
    }
}
