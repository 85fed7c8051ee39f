using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Wehelpen.Web.Tests.Push;

/// <summary>
/// The user agent's half of RFC 8291 (Message Encryption for Web Push) over RFC 8188's aes128gcm, step by step as the
/// RFCs write them, so that a test failing here points at the step. Only a single record: a push message is at most
/// 4096 bytes, and RFC 8291 section 4 has senders put it in one.
/// </summary>
internal static class WebPushDecryption
{
    private const int SaltLength = 16;
    private const int HeaderLength = SaltLength + 4 + 1; // salt | rs (uint32 big-endian) | idlen
    private const int TagLength = 16;
    private const byte LastRecordDelimiter = 0x02;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text in <paramref name="body"/>; throws <see cref="CryptographicException"/> for anything that is not one valid record for these keys.</summary>
    public static string Decrypt(ECDiffieHellman userAgentKeys, byte[] userAgentPublicKey, byte[] authSecret, ReadOnlySpan<byte> body)
    {
        if (body.Length < HeaderLength) throw Refused($"the body ({body.Length} bytes) is shorter than the aes128gcm header");
        var salt = body[..SaltLength];
        var rs = BinaryPrimitives.ReadUInt32BigEndian(body[SaltLength..]);
        int idlen = body[HeaderLength - 1];
        // RFC 8291 section 4: the keyid is the application server's ephemeral public key.
        if (idlen != P256.PublicKeyLength) throw Refused($"idlen is {idlen}, not the 65 bytes of the application server's public key");
        if (body.Length < HeaderLength + idlen) throw Refused("the body ends inside the keyid");
        var applicationServerPublicKey = body.Slice(HeaderLength, idlen).ToArray();
        var record = body[(HeaderLength + idlen)..];
        // RFC 8188 section 2: rs below 18 is invalid; a record never exceeds rs, so a longer rest means several records.
        if (rs < 18) throw Refused($"rs is {rs}, below the minimum of 18");
        if ((uint)record.Length > rs) throw Refused($"the record is {record.Length} bytes, more than rs {rs}: more than one record");
        if (record.Length < TagLength + 1) throw Refused($"the record ({record.Length} bytes) has no room for a tag and a delimiter");

        var ecdhSecret = SharedSecret(userAgentKeys, applicationServerPublicKey);
        var prkKey = HMACSHA256.HashData(authSecret, ecdhSecret);
        byte[] keyInfo = [.. "WebPush: info"u8, 0x00, .. userAgentPublicKey, .. applicationServerPublicKey];
        byte[] ikmInfo = [.. keyInfo, 0x01];
        var ikm = HMACSHA256.HashData(prkKey, ikmInfo);
        var prk = HMACSHA256.HashData(salt, ikm);
        byte[] cekInfo = [.. "Content-Encoding: aes128gcm"u8, 0x00, 0x01];
        var cek = HMACSHA256.HashData(prk, cekInfo)[..16];
        // The first (and only) record's nonce: NONCE XOR sequence number 0.
        byte[] nonceInfo = [.. "Content-Encoding: nonce"u8, 0x00, 0x01];
        var nonce = HMACSHA256.HashData(prk, nonceInfo)[..12];

        var padded = new byte[record.Length - TagLength];
        using (var aes = new AesGcm(cek, TagLength))
            aes.Decrypt(nonce, record[..^TagLength], record[^TagLength..], padded); // AuthenticationTagMismatchException when tampered

        // The plaintext is the text, then 0x02 (the last record's delimiter), then zero or more 0x00 of padding.
        var delimiter = padded.AsSpan().LastIndexOfAnyExcept((byte)0x00);
        if (delimiter < 0 || padded[delimiter] != LastRecordDelimiter)
            throw Refused(delimiter < 0 ? "the record is all padding, without delimiter" : $"the record ends with delimiter 0x{padded[delimiter]:x2}, not 0x02 of a last record");
        try { return StrictUtf8.GetString(padded, 0, delimiter); }
        catch (DecoderFallbackException e) { throw new CryptographicException("The decrypted message is not UTF-8.", e); }
    }

    private static byte[] SharedSecret(ECDiffieHellman userAgentKeys, byte[] applicationServerPublicKey)
    {
        // Importing validates that the point is on the curve (CryptographicException otherwise).
        using var applicationServer = ECDiffieHellman.Create(P256.PublicKey(applicationServerPublicKey));
        using var peer = applicationServer.PublicKey;
        return userAgentKeys.DeriveRawSecretAgreement(peer); // the X coordinate of the shared point, 32 bytes
    }

    private static CryptographicException Refused(string why) => new($"Not a Web Push aes128gcm message: {why}.");
}
