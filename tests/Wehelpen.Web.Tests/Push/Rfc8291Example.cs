using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Wehelpen.Web.Tests.Push;

/// <summary>
/// The example of RFC 8291 section 5 and Appendix A: both parties' keys, the auth secret, the salt and the body. The
/// sender's side is written with HKDF, independently of the HMAC steps in <see cref="WebPushDecryption"/>, so that
/// tests can make bodies the RFC does not give (other padding and delimiters) with the same keys.
/// </summary>
internal static class Rfc8291Example
{
    public const string Plaintext = "When I grow up, I want to be a watermelon";
    public const string UserAgentPublicKey = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    public const string AuthSecret = "BTBZMqHH6r4Tts7J_aSIgg";
    public const string Body =
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml" +
        "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT" +
        "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";
    private const string UserAgentPrivateKey = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private const string ApplicationServerPublicKey = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private const string ApplicationServerPrivateKey = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private const string Salt = "DGv6ra1nlYgDCS1FRnbzlw";
    private const uint RecordSize = 4096;

    public static PushSubscriber UserAgent() =>
        PushSubscriber.FromKeys(PrivateKey(UserAgentPublicKey, UserAgentPrivateKey), Base64Url.DecodeFromChars(AuthSecret));

    /// <summary>A body for <paramref name="paddedPlaintext"/> (the delimiter and padding included) with the example's keys and salt.</summary>
    public static byte[] Encrypt(byte[] paddedPlaintext)
    {
        var userAgentPublic = Base64Url.DecodeFromChars(UserAgentPublicKey);
        var applicationServerPublic = Base64Url.DecodeFromChars(ApplicationServerPublicKey);
        var salt = Base64Url.DecodeFromChars(Salt);
        using var applicationServer = ECDiffieHellman.Create(PrivateKey(ApplicationServerPublicKey, ApplicationServerPrivateKey));
        using var userAgent = ECDiffieHellman.Create(P256.PublicKey(userAgentPublic));
        using var userAgentKey = userAgent.PublicKey;
        var ecdhSecret = applicationServer.DeriveRawSecretAgreement(userAgentKey);

        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, ecdhSecret, 32, Base64Url.DecodeFromChars(AuthSecret),
            [.. "WebPush: info"u8, 0x00, .. userAgentPublic, .. applicationServerPublic]);
        var cek = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, [.. "Content-Encoding: aes128gcm"u8, 0x00]);
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, [.. "Content-Encoding: nonce"u8, 0x00]);
        var ciphertext = new byte[paddedPlaintext.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(cek, tag.Length)) aes.Encrypt(nonce, paddedPlaintext, ciphertext, tag);

        var rs = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(rs, RecordSize);
        return [.. salt, .. rs, (byte)applicationServerPublic.Length, .. applicationServerPublic, .. ciphertext, .. tag];
    }

    private static ECParameters PrivateKey(string publicKey, string privateKey)
    {
        var parameters = P256.PublicKey(Base64Url.DecodeFromChars(publicKey));
        parameters.D = Base64Url.DecodeFromChars(privateKey);
        return parameters;
    }
}
